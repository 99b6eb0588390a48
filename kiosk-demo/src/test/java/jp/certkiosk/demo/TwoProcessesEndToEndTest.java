package jp.certkiosk.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.certkiosk.printer.ipp.IppEvePrinterProcess;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * As in a store, two processes: the simulator started as its own process ({@code sim}), and the
 * vendors' test mode ({@code headless --config}) on the configuration file the simulator wrote,
 * its cards placed on the PC/SC reader through the virtual card process and pcscd, its documents
 * printed on an IPP printer (ippeveprinter).
 */
class TwoProcessesEndToEndTest {
    private static final Pattern CONFIG_LINE = Pattern.compile("configuration (\\S+kiosk\\.properties)");

    @TempDir Path dir;
    private Process simulator;
    private final List<String> simulatorOutput = new ArrayList<>();

    @BeforeAll
    static void pcscd() throws Exception {
        Process start = new ProcessBuilder(script("scripts/pcscd.sh").toString(), "start").redirectErrorStream(true).start();
        assertTrue(start.waitFor(60, TimeUnit.SECONDS), "pcscd did not start within 60 s");
        assertEquals(0, start.exitValue(), new String(start.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    static Path script(String name) {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isExecutable(d.resolve(name))) {
                return d.resolve(name);
            }
        }
        throw new AssertionError(name + " not found");
    }

    @AfterEach
    void stop() throws Exception {
        VirtualCardProcess.send(dir.resolve("var"), "stop");
        if (simulator != null) {
            simulator.destroy();
            simulator.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void adultIsIssuedAndPrintedSuspendedIsRefusedThroughPcscdAgainstTheSimulatorsOwnProcess() throws Exception {
        Path config = startSimulator(dir.resolve("var").resolve("sim"));
        try (IppEvePrinterProcess printer = IppEvePrinterProcess.start(dir.resolve("printer"), "application/pdf", null)) {
            // the vendor points the generated file at the test printer and the vpcd reader
            String text = Files.readString(config)
                    .replaceAll("(?m)^printer\\.kind=FILE$", "printer.kind=IPP")
                    .replaceAll("(?m)^printer\\.outputDirectory=.*$", "printer.uri=" + printer.uri())
                    .replaceAll("(?m)^reader\\.name=.*$", "reader.name=Virtual PCD 00 00");
            Files.writeString(config, text);
            assertEquals(0, new CommandLine(new DemoMain()).execute("config", "check", config.toString()));

            VirtualCardProfiles profiles = VirtualCardProfiles.open(dir.resolve("var"), Clock.systemDefaultZone());
            Path scenario = Files.writeString(dir.resolve("scenario.json"), """
                    { "transactions": [
                        { "card": "adult", "pins": ["%s"], "document": "RESIDENT_RECORD_COPY" },
                        { "card": "suspended", "pins": ["%s"], "document": "RESIDENT_RECORD_COPY" }
                    ] }
                    """.formatted(profiles.find("adult").orElseThrow().pin(), profiles.find("suspended").orElseThrow().pin()));
            Path report = dir.resolve("report.json");
            int exit = new CommandLine(new DemoMain()).execute("headless", "--config", config.toString(),
                    "--scenario", scenario.toString(), "--report", report.toString(), "--data", dir.resolve("var").toString());
            assertEquals(0, exit);

            JsonNode result = new ObjectMapper().readTree(report.toFile());
            assertEquals("PC/SC 'Virtual PCD 00 00'", result.get("reader").asText());
            JsonNode adult = result.get("transactions").get(0);
            assertEquals("ISSUED", adult.get("outcome").asText(), adult.toString());
            assertEquals(1, adult.get("verifyCommandsSent").asInt(), "the PIN reached the card through pcscd once");
            JsonNode suspended = result.get("transactions").get(1);
            assertEquals("REFUSED_CERTIFICATE_SUSPENDED", suspended.get("outcome").asText(), suspended.toString());
            assertTrue(suspended.get("outputFile").isNull());

            assertEquals(1, printer.receivedFiles().size(), "one job: the adult's; nothing for the suspended card");
            try (PDDocument printed = Loader.loadPDF(Files.readAllBytes(printer.receivedFiles().get(0)))) {
                String page = new PDFTextStripper().getText(printed).replaceAll("[ 　]", "");
                assertTrue(page.contains("山田太郎"), "the resident's name is on the printed job: " + page);
            }
        }
    }

    /** Starts {@code sim --port 0} as a process of its own and returns the configuration file it wrote. */
    private Path startSimulator(Path data) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(DemoMain.class.getName());
        command.addAll(List.of("sim", "--port", "0", "--data", data.toString()));
        simulator = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(simulator.getInputStream(), StandardCharsets.UTF_8));
        Path config = null;
        String line;
        while ((line = out.readLine()) != null) {
            simulatorOutput.add(line);
            Matcher m = CONFIG_LINE.matcher(line);
            if (m.find()) {
                config = Path.of(m.group(1));
            }
            if (line.startsWith("Serving until stopped")) {
                break;
            }
        }
        assertTrue(config != null && Files.isRegularFile(config), "the simulator printed its kiosk configuration: "
                + simulatorOutput);
        Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "simulator-output");
        drain.setDaemon(true);
        drain.start();
        return config;
    }
}
