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
import jp.certkiosk.printer.Submission;

/**
 * A printer reached over IPP: the attached printer's CUPS queue in production
 * ({@code ipp://localhost:631/printers/kiosk}), or an IPP printer directly. Before each order it
 * reads printer-state and printer-state-reasons and refuses while the printer could not finish
 * (paper out, jam, door open, toner out); it sends the PDF where the printer accepts
 * application/pdf, else the pages rendered as PWG raster; always two-sided (long edge) on A4 (a
 * printer that says it cannot is not ready), named by the issuance id; then follows the job until
 * it completes, aborts or is canceled. What the printer does not say is never guessed: a lost
 * answer or a job that does not settle is in doubt, and is looked up again by its name.
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
    public Submission submit(PrintJob job) {
        Description printer;
        try {
            printer = describe(printerAttributes());
        } catch (IOException | RuntimeException e) {
            return new Submission.Refused("printer unreachable: " + e.getMessage());
        }
        if (!printer.status().ready()) {
            return new Submission.Refused("printer cannot take the order: " + String.join(", ", printer.status().reasons()));
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
                return new Submission.Refused("cannot render the document for the printer: " + e.getMessage());
            }
        } else {
            return new Submission.Refused("the printer accepts neither PDF nor PWG raster");
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
        IppPacket response;
        try {
            response = exchange.send(request, document);
        } catch (IppExchange.NotReached e) {
            return new Submission.Refused("could not send the job: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            // the job may have arrived: only the printer can say, by its name
            return new Submission.Unknown("no answer to the job: " + e.getMessage());
        }
        if (!isSuccess(response)) {
            return new Submission.Refused("the printer refused the job: " + response.getStatus());
        }
        Integer id = response.getValue(Tag.jobAttributes, Types.jobId);
        if (id == null) {
            return new Submission.Unknown("the printer took the job but gave no job id");
        }
        return new Submission.Accepted(id);
    }

    /**
     * Polls the job until it settles. A job that does not settle in the time limit, or a printer
     * that stops answering, leaves the job in doubt: it may still print, so it is neither failed
     * nor canceled behind the printer's back.
     */
    @Override
    public PrintOutcome follow(int jobId) {
        Instant deadline = Instant.now().plus(jobTimeout);
        String last = "no answer yet";
        while (true) {
            PrintOutcome outcome;
            try {
                outcome = jobOutcome(jobId);
            } catch (IOException | RuntimeException e) {
                outcome = null;
                last = "printer not answering: " + e.getMessage();
            }
            if (outcome instanceof PrintOutcome.InDoubt pending) {
                last = pending.reason();
            } else if (outcome != null) {
                return outcome;
            }
            if (Instant.now().isAfter(deadline)) {
                return new PrintOutcome.InDoubt("job " + jobId + " not settled after " + jobTimeout.toSeconds()
                        + " s (" + last + ")");
            }
            sleep();
        }
    }

    /** Where the job stands now; in doubt while it is pending or processing. */
    private PrintOutcome jobOutcome(int jobId) throws IOException {
        IppPacket response = exchange.send(IppPacket.getJobAttributes(uri(), jobId)
                .putOperationAttributes(Types.requestingUserName.of(requestingUser),
                        Types.requestedAttributes.of("job-state", "job-state-reasons",
                                "job-state-message", "job-printer-state-reasons"))
                .build(), null);
        if (response.getCode() == Status.clientErrorNotFound.getCode()) {
            // it was taken with this id: gone from the printer's history is not "never printed"
            return new PrintOutcome.InDoubt("job " + jobId + " no longer known to the printer");
        }
        if (!isSuccess(response)) {
            throw new IOException("Get-Job-Attributes: " + response.getStatus());
        }
        JobState state = response.getValue(Tag.jobAttributes, Types.jobState);
        List<String> reasons = response.getStrings(Tag.jobAttributes, Types.jobStateReasons);
        return settled(jobId, state, reasons);
    }

    private PrintOutcome settled(int jobId, JobState state, List<String> reasons) {
        if (state != null && state.getCode() == JobState.completed.getCode()) {
            return afterCompletion(jobId);
        }
        if (state != null && (state.getCode() == JobState.aborted.getCode()
                || state.getCode() == JobState.canceled.getCode())) {
            return new PrintOutcome.Failed("job " + jobId + " " + state.getName() + " (" + failureReasons(reasons) + ")");
        }
        return new PrintOutcome.InDoubt("job " + jobId + " " + (state == null ? "in no known state" : state.getName())
                + (reasons.isEmpty() ? "" : " (" + String.join(", ", reasons) + ")"));
    }

    /**
     * The job named so, found among the printer's jobs (pending and finished): its outcome, failed
     * when the printer never received it, in doubt while it is not settled or the printer cannot be asked.
     */
    @Override
    public PrintOutcome lookup(String jobName) {
        try {
            for (String which : List.of("not-completed", "completed")) {
                IppPacket response = exchange.send(IppPacket.getJobs(uri())
                        .putOperationAttributes(Types.requestingUserName.of(requestingUser),
                                Types.whichJobs.of(which),
                                Types.requestedAttributes.of("job-id", "job-name", "job-state", "job-state-reasons"))
                        .build(), null);
                if (!isSuccess(response)) {
                    return new PrintOutcome.InDoubt("Get-Jobs: " + response.getStatus());
                }
                for (com.hp.jipp.encoding.AttributeGroup job : response.getAttributeGroups()) {
                    if (job.getTag() != Tag.jobAttributes || !job.getStrings(Types.jobName).contains(jobName)) {
                        continue;
                    }
                    Integer id = job.getValue(Types.jobId);
                    return settled(id == null ? 0 : id, job.getValue(Types.jobState), job.getStrings(Types.jobStateReasons));
                }
            }
            return PrintOutcome.Failed.unknown("the printer never received a job named " + jobName);
        } catch (IOException | RuntimeException e) {
            return new PrintOutcome.InDoubt("cannot ask the printer: " + e.getMessage());
        }
    }

    /**
     * A job can read "completed" at a CUPS queue although the printer behind it ran out of paper
     * or jammed (the queue's backend may miss the printer's own verdict). The printer was fit when
     * the job was sent, so trouble it reports now arose during the job: pages may be missing, and
     * nobody can say how many came out. Staff look at the printer.
     */
    private PrintOutcome afterCompletion(int jobId) {
        PrinterStatus now;
        try {
            now = describe(printerAttributes()).status();
        } catch (IOException | RuntimeException e) {
            now = PrinterStatus.readyNow();
        }
        if (!now.ready()) {
            return new PrintOutcome.InDoubt("job " + jobId + " ended, but the printer reports "
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
