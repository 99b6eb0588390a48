package jp.certkiosk.app.ui;

import java.util.Optional;
import jp.certkiosk.app.flow.KioskEngine;
import jp.certkiosk.app.payment.PaymentDevice;
import jp.certkiosk.app.staff.StaffConsole;
import jp.certkiosk.app.staff.StaffPin;

/** What the kiosk is made of, as the screens need it; {@code demo} only in a DEMO configuration. */
public record Parts(KioskEngine engine, PaymentDevice payment, StaffConsole staff, StaffPin staffPin,
                    Optional<DemoControls> demo) {}
