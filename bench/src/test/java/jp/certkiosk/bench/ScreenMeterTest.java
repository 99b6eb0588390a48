package jp.certkiosk.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.scene.Group;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;

/** The census that says how many scene-graph nodes a screen action created or put back. */
class ScreenMeterTest {
    private final ScreenMeter.Census census = new ScreenMeter.Census();

    @Test
    void aGraphLeftAloneCountsNothing() {
        Group root = new Group(new Rectangle(), new Group(new Rectangle(), new Rectangle()));
        assertEquals(new ScreenMeter.Census.Change(5, 5, 0, 5), census.look(root));
        assertEquals(new ScreenMeter.Census.Change(0, 0, 0, 5), census.look(root));
    }

    @Test
    void aNodeChangedInPlaceCountsNothing() {
        Text countdown = new Text("29");
        Group root = new Group(new Rectangle(), countdown);
        census.look(root);
        countdown.setText("28");
        countdown.setStyle("-fx-fill: red;");
        assertEquals(new ScreenMeter.Census.Change(0, 0, 0, 3), census.look(root));
    }

    @Test
    void aReplacedNodeCountsAsCreatedAndTheOldOneAsLeft() {
        Rectangle kept = new Rectangle();
        Group root = new Group(kept, new Text("29"));
        census.look(root);
        root.getChildren().set(1, new Text("28"));
        assertEquals(new ScreenMeter.Census.Change(1, 1, 1, 3), census.look(root));
    }

    @Test
    void aReplacedSubtreeCountsEveryNodeInIt() {
        Group screen = new Group(new Rectangle(), new Rectangle());
        Group root = new Group(screen);
        census.look(root);
        root.getChildren().setAll(new Group(new Rectangle(), new Rectangle(), new Text("menu")));
        assertEquals(new ScreenMeter.Census.Change(4, 4, 3, 5), census.look(root));
    }

    @Test
    void aViewPutBackIsNotCreatedAgain() {
        Group welcome = new Group(new Rectangle(), new Text("ようこそ"));
        Group pin = new Group(new Rectangle());
        Group root = new Group(welcome);
        census.look(root);
        root.getChildren().setAll(pin);
        assertEquals(new ScreenMeter.Census.Change(2, 2, 3, 3), census.look(root));
        root.getChildren().setAll(welcome);
        assertEquals(new ScreenMeter.Census.Change(0, 3, 2, 4), census.look(root));
    }
}
