package jp.certkiosk.app.payment.cctalk;

/** The ccTalk headers the kiosk sends (from the public generic specification and device manuals). */
final class Headers {
    private Headers() {}

    static final int SIMPLE_POLL = 254;
    static final int REQUEST_SERIAL_NUMBER = 242;
    static final int MODIFY_INHIBIT_STATUS = 231;
    static final int READ_BUFFERED_CREDIT = 229;
    static final int MODIFY_MASTER_INHIBIT = 228;
    static final int REQUEST_COIN_ID = 184;
    static final int DISPENSE_HOPPER_COINS = 167;
    static final int REQUEST_HOPPER_STATUS = 166;
    static final int ENABLE_HOPPER = 164;
    static final int TEST_HOPPER = 163;

    /** The data byte of ENABLE_HOPPER that enables payout; any other value disables it. */
    static final int HOPPER_ENABLE_CODE = 165;
}
