package jp.certkiosk.app.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import jp.certkiosk.app.flow.FlowState;
import org.junit.jupiter.api.Test;

/** Every state of the flow has a screen, and the view-models stay free of JavaFX. */
class RouterTest {
    @Test
    void everyStateOfTheFlowHasARoute() {
        List<String> unrouted = new ArrayList<>();
        for (Class<?> state : FlowState.class.getPermittedSubclasses()) {
            if (!Router.routes(state)) {
                unrouted.add(state.getSimpleName());
            }
        }
        assertEquals(List.of(), unrouted, "states without a screen: add them to Router");
    }

    @Test
    void viewModelsUseNoJavaFx() throws IOException, URISyntaxException {
        Path classes = Path.of(KioskModel.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("jp/certkiosk/app/ui/model");
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.list(classes)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String constants = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                if (constants.contains("javafx/")) {
                    offenders.add(file.getFileName().toString());
                }
            }
        }
        assertEquals(List.of(), offenders, "view-models must be testable without JavaFX");
    }
}
