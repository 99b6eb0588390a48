package jp.certkiosk.printer.ipp;

import com.hp.jipp.encoding.IppPacket;
import com.hp.jipp.encoding.Tag;
import com.hp.jipp.encoding.UriType;
import com.hp.jipp.model.JobState;
import com.hp.jipp.model.PrinterState;
import com.hp.jipp.model.Status;
import com.hp.jipp.model.Types;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import jp.certkiosk.printer.PrintJob;
import jp.certkiosk.printer.PrintOutcome;
import jp.certkiosk.printer.Printer;
import jp.certkiosk.printer.PrinterStatus;

/**
 * A printer reached over IPP: the attached printer's CUPS queue in production
 * ({@code ipp://localhost:631/printers/kiosk}), or an IPP printer directly. Before each order it
 * reads printer-state and printer-state-reasons and refuses while the printer could not finish
 * (paper out, jam, door open, toner out); it sends the PDF where the printer accepts
 * application/pdf, else the pages rendered as PWG raster; always two-sided (long edge) on A4 (a
 * printer that says it cannot is not ready); then follows the job until it completes, aborts or
 * is canceled.
 */
public final class IppPrinter implements Printer {
    /** Reasons (without their -report/-warning/-error suffix) that mean an order cannot be finished now. */
    public static final Set<String> BLOCKING_REASONS = Set.of("media-empty", "media-jam", "door-open",
            "cover-open", "marker-supply-empty", "toner-empty", "media-needed", "input-tray-missing", "shutdown",
            IppPrinter.DEVICE_UNREACHABLE);
    /** Ours: the queue names an IPP printer that does not answer. */
    public static final String DEVICE_UNREACHABLE = "device-unreachable";
    private static final UriType DEVICE_URI = new UriType("device-uri");

    private static final String PDF = "application/pdf";
    private static final String PWG_RASTER = "image/pwg-raster";
    private static final String TWO_SIDED = "two-sided-long-edge";
    private static final String A4 = "iso_a4_210x297mm";
    private static final int RASTER_DPI = 300;

    private final IppExchange exchange;
    private final Duration pollInterval;
    private final Duration jobTimeout;
    private final String requestingUser;

    public IppPrinter(URI printerUri, String requestingUser, Duration pollInterval, Duration jobTimeout) {
        this.exchange = new IppExchange(printerUri, Duration.ofSeconds(15));
        this.requestingUser = requestingUser;
        this.pollInterval = pollInterval;
        this.jobTimeout = jobTimeout;
    }

    public IppPrinter(URI printerUri, String requestingUser) {
        this(printerUri, requestingUser, Duration.ofMillis(250), Duration.ofMinutes(3));
    }

    public URI uri() {
        return exchange.printerUri();
    }

    @Override
    public PrinterStatus status() {
        try {
            return describe(printerAttributes()).status();
        } catch (IOException | RuntimeException e) {
            return new PrinterStatus(false, List.of("printer unreachable: " + e.getMessage()));
        }
    }

    @Override
    public PrintOutcome print(PrintJob job) {
        Description printer;
        try {
            printer = describe(printerAttributes());
        } catch (IOException | RuntimeException e) {
            return new PrintOutcome.Failed("printer unreachable: " + e.getMessage());
        }
        if (!printer.status().ready()) {
            return new PrintOutcome.Failed("printer cannot take the order: " + String.join(", ", printer.status().reasons()));
        }
        String format;
        byte[] document;
        if (printer.formats().contains(PDF)) {
            format = PDF;
            document = job.pdf();
        } else if (printer.formats().contains(PWG_RASTER)) {
            format = PWG_RASTER;
            try {
                document = PwgRaster.fromPdf(job.pdf(), RASTER_DPI, true);
            } catch (RuntimeException e) {
                return new PrintOutcome.Failed("cannot render the document for the printer: " + e.getMessage());
            }
        } else {
            return new PrintOutcome.Failed("the printer accepts neither PDF nor PWG raster");
        }
        List<com.hp.jipp.encoding.Attribute<?>> jobAttributes = new ArrayList<>();
        jobAttributes.add(Types.sides.of(TWO_SIDED));
        jobAttributes.add(Types.media.of(A4));
        IppPacket request = IppPacket.printJob(uri())
                .putOperationAttributes(
                        Types.requestingUserName.of(requestingUser),
                        Types.jobName.of(job.name()),
                        Types.documentFormat.of(format))
                .putJobAttributes(jobAttributes)
                .build();
        int jobId;
        try {
            IppPacket response = exchange.send(request, document);
            if (!isSuccess(response)) {
                return new PrintOutcome.Failed("the printer refused the job: " + response.getStatus());
            }
            Integer id = response.getValue(Tag.jobAttributes, Types.jobId);
            if (id == null) {
                return new PrintOutcome.Failed("the printer gave no job id");
            }
            jobId = id;
        } catch (IOException | RuntimeException e) {
            return new PrintOutcome.Failed("could not send the job: " + e.getMessage());
        }
        return follow(jobId);
    }

    /** Polls the job until it settles. A job still unsettled after the time limit is canceled and failed. */
    private PrintOutcome follow(int jobId) {
        Instant deadline = Instant.now().plus(jobTimeout);
        String lastReasons = "";
        while (true) {
            IppPacket response;
            try {
                response = exchange.send(IppPacket.getJobAttributes(uri(), jobId)
                        .putOperationAttributes(Types.requestingUserName.of(requestingUser),
                                Types.requestedAttributes.of("job-state", "job-state-reasons",
                                        "job-state-message", "job-printer-state-reasons"))
                        .build(), null);
            } catch (IOException | RuntimeException e) {
                if (Instant.now().isAfter(deadline)) {
                    return new PrintOutcome.Failed("lost the printer while job " + jobId + " printed: " + e.getMessage());
                }
                sleep();
                continue;
            }
            JobState state = response.getValue(Tag.jobAttributes, Types.jobState);
            List<String> reasons = response.getStrings(Tag.jobAttributes, Types.jobStateReasons);
            lastReasons = String.join(", ", reasons);
            if (state != null && state.getCode() == JobState.completed.getCode()) {
                return afterCompletion(jobId);
            }
            if (state != null && (state.getCode() == JobState.aborted.getCode()
                    || state.getCode() == JobState.canceled.getCode())) {
                return new PrintOutcome.Failed("job " + jobId + " " + state.getName() + " ("
                        + failureReasons(reasons) + ")");
            }
            if (Instant.now().isAfter(deadline)) {
                cancel(jobId);
                return new PrintOutcome.Failed("job " + jobId + " did not finish in " + jobTimeout.toSeconds()
                        + " s (" + lastReasons + ")");
            }
            sleep();
        }
    }

    /**
     * A job can read "completed" at a CUPS queue although the printer behind it ran out of paper
     * or jammed (the queue's backend may miss the printer's own verdict). The printer was fit when
     * the job was sent, so trouble it reports now arose during the job: pages may be missing, and
     * the job is failed rather than charged.
     */
    private PrintOutcome afterCompletion(int jobId) {
        PrinterStatus now;
        try {
            now = describe(printerAttributes()).status();
        } catch (IOException | RuntimeException e) {
            now = PrinterStatus.readyNow();
        }
        if (!now.ready()) {
            return new PrintOutcome.Failed("job " + jobId + " ended, but the printer reports "
                    + String.join(", ", now.reasons()) + ": pages may be missing");
        }
        return new PrintOutcome.Completed(uri() + " job " + jobId);
    }

    /** The job's reasons plus what the printer reports now: a mid-job paper-out shows on the printer. */
    private String failureReasons(List<String> jobReasons) {
        List<String> all = new ArrayList<>(jobReasons);
        try {
            for (String reason : describe(printerAttributes()).reasons()) {
                if (!all.contains(reason)) {
                    all.add(reason);
                }
            }
        } catch (IOException | RuntimeException e) {
            all.add("printer unreachable");
        }
        return String.join(", ", all);
    }

    private void cancel(int jobId) {
        try {
            exchange.send(IppPacket.cancelJob(uri(), jobId)
                    .putOperationAttributes(Types.requestingUserName.of(requestingUser)).build(), null);
        } catch (IOException | RuntimeException e) {
            // the job is reported failed either way
        }
    }

    private IppPacket printerAttributes() throws IOException {
        return printerAttributes(exchange);
    }

    private IppPacket printerAttributes(IppExchange target) throws IOException {
        IppPacket response = target.send(IppPacket.getPrinterAttributes(target.printerUri(), Types.printerState,
                Types.printerStateReasons, Types.documentFormatSupported, Types.sidesSupported, DEVICE_URI)
                .putOperationAttributes(Types.requestingUserName.of(requestingUser))
                .build(), null);
        if (!isSuccess(response)) {
            throw new IOException("Get-Printer-Attributes: " + response.getStatus());
        }
        return response;
    }

    /**
     * The printer's state as the kiosk must judge it. A CUPS queue reports the device's trouble only
     * while a job runs, so when the queue names an IPP device, the device is asked too: paper out
     * at the printer refuses the order before anything is sent.
     */
    private Description describe(IppPacket queue) {
        Description description = describeOne(queue);
        URI device = queue.getValue(Tag.printerAttributes, DEVICE_URI);
        if (device == null || device.equals(uri()) || device.getScheme() == null
                || !Set.of("ipp", "ipps").contains(device.getScheme().toLowerCase(Locale.ROOT))) {
            return description;
        }
        List<String> reasons = new ArrayList<>(description.reasons());
        try {
            for (String reason : describeOne(printerAttributes(new IppExchange(device, Duration.ofSeconds(5)))).reasons()) {
                if (!reasons.contains(reason)) {
                    reasons.add(reason);
                }
            }
        } catch (IOException | RuntimeException e) {
            reasons.add(DEVICE_UNREACHABLE);
        }
        return new Description(description.state(), reasons, description.formats(), description.sides());
    }

    private record Description(int state, List<String> reasons, List<String> formats, List<String> sides) {
        PrinterStatus status() {
            List<String> blocking = new ArrayList<>();
            for (String reason : reasons) {
                if (BLOCKING_REASONS.contains(baseReason(reason))) {
                    blocking.add(reason);
                }
            }
            // a CUPS raw queue names no sides and passes them on; a printer naming only one side cannot
            // put the scrambled back behind its front
            if (!sides.isEmpty() && !sides.contains(TWO_SIDED)) {
                blocking.add("the printer cannot print two-sided");
            }
            if (state == PrinterState.stopped.getCode() && blocking.isEmpty()) {
                blocking.add("printer stopped" + (reasons.isEmpty() ? "" : " (" + String.join(", ", reasons) + ")"));
            }
            return blocking.isEmpty() ? PrinterStatus.readyNow() : new PrinterStatus(false, blocking);
        }
    }

    private static Description describeOne(IppPacket response) {
        PrinterState state = response.getValue(Tag.printerAttributes, Types.printerState);
        List<String> reasons = new ArrayList<>(response.getStrings(Tag.printerAttributes, Types.printerStateReasons));
        reasons.remove("none");
        return new Description(state == null ? 0 : state.getCode(), reasons,
                response.getStrings(Tag.printerAttributes, Types.documentFormatSupported),
                response.getStrings(Tag.printerAttributes, Types.sidesSupported));
    }

    /** {@code media-empty-error} → {@code media-empty}. */
    static String baseReason(String reason) {
        String r = reason.toLowerCase(Locale.ROOT);
        for (String suffix : List.of("-report", "-warning", "-error")) {
            if (r.endsWith(suffix)) {
                return r.substring(0, r.length() - suffix.length());
            }
        }
        return r;
    }

    private static boolean isSuccess(IppPacket response) {
        return response.getCode() < 0x0100 && response.getCode() >= Status.successfulOk.getCode();
    }

    private void sleep() {
        try {
            Thread.sleep(pollInterval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while following a print job", e);
        }
    }
}
