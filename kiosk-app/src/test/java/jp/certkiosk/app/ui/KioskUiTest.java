package jp.certkiosk.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import jp.certkiosk.app.demo.DemoEnvironment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A resident issues a document by touch alone, on the real screens over the demo environment. */
@ExtendWith(ApplicationExtension.class)
class KioskUiTest {
    @TempDir static Path dir;
    static DemoEnvironment demo;
    static ExecutorService background;

    @BeforeAll
    static void startDemo() throws IOException {
        demo = DemoEnvironment.start(dir.resolve("var"), dir.resolve("out"), Clock.systemDefaultZone());
        background = Executors.newSingleThreadExecutor();
    }

    @AfterAll
    static void stopDemo() {
        background.shutdownNow();
        demo.close();
    }

    @Start
    void start(Stage stage) {
        KioskViewModel model = new KioskViewModel(demo.engine(), demo.slot(), background, Platform::runLater);
        stage.setScene(new Scene(new KioskView(model).root(), 1080, 1920));
        KioskUi.lockDown(stage);
        stage.show();
    }

    @Test
    void aResidentIssuesTheirRecordByTouchInEnglish(FxRobot robot) throws Exception {
        ResourceBundle en = ResourceBundle.getBundle("jp.certkiosk.app.ui.messages", Locale.ENGLISH);
        robot.clickOn("#lang-en");
        assertEquals(en.getString("welcome.prompt"), text(robot, "#welcome-prompt"));

        robot.clickOn("#card-adult");
        waitFor(robot, "#pin-title");
        for (char digit : demo.simulator().card("adult").orElseThrow().pin().toCharArray()) {
            robot.clickOn("#digit-" + digit);
        }
        assertEquals("●●●●", text(robot, "#pin-dots"));
        robot.clickOn("#pin-ok");

        waitFor(robot, "#doc-RESIDENT_RECORD_COPY");
        robot.clickOn("#doc-RESIDENT_RECORD_COPY");

        waitFor(robot, "#result-message");
        assertEquals(en.getString("outcome.ISSUED"), text(robot, "#result-message"));
        try (Stream<Path> printed = Files.list(dir.resolve("out"))) {
            assertEquals(1, printed.filter(p -> p.toString().endsWith(".pdf")).count());
        }

        robot.clickOn("#remove-card");
        waitFor(robot, "#welcome-title");
    }

    @Test
    void aWrongPinIsSaidInJapaneseWithTheTriesLeft(FxRobot robot) throws Exception {
        ResourceBundle ja = ResourceBundle.getBundle("jp.certkiosk.app.ui.messages", Locale.JAPANESE);
        robot.clickOn("#lang-ja");
        robot.clickOn("#card-spouse");
        waitFor(robot, "#pin-title");
        char[] right = demo.simulator().card("spouse").orElseThrow().pin().toCharArray();
        char wrongFirst = (char) ('0' + (right[0] - '0' + 1) % 10);
        robot.clickOn("#digit-" + wrongFirst);
        for (int i = 1; i < right.length; i++) {
            robot.clickOn("#digit-" + right[i]);
        }
        robot.clickOn("#pin-ok");

        waitFor(robot, "#pin-wrong");
        assertEquals(ja.getString("pin.wrong"), text(robot, "#pin-wrong"));
        assertEquals("残り回数：2", text(robot, "#pin-tries-left"));
        assertFalse(robot.lookup("#pin-last-try").tryQuery().isPresent());
        assertTrue(robot.lookup("#pin-ok").queryButton().isDisabled(), "OK needs four digits");

        robot.clickOn("#cancel");
        waitFor(robot, "#result-message");
        assertEquals(ja.getString("outcome.CANCELLED"), text(robot, "#result-message"));
        robot.clickOn("#remove-card");
        waitFor(robot, "#welcome-title");
    }

    static void waitFor(FxRobot robot, String query) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup(query).tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
    }

    static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }
}
