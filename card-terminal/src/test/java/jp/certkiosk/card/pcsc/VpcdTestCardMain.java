package jp.certkiosk.card.pcsc;

import jp.certkiosk.card.testing.TestCards;
import jp.certkiosk.card.vpcd.VpcdCardLink;

/** Manual aid: puts the test card (PIN 1234) on the first vpcd reader until killed. */
public final class VpcdTestCardMain {
    public static void main(String[] args) throws Exception {
        VpcdCardLink link = VpcdCardLink.start();
        link.insert(TestCards.card(TestCards.freshState()));
        System.out.println("test card on the vpcd reader; connected=" + link.awaitConnected(5000));
        Thread.sleep(Long.MAX_VALUE);
    }
}
