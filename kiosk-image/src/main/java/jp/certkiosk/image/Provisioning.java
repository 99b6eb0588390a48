package jp.certkiosk.image;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import jp.certkiosk.app.assembly.ConfigCheck;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Provisioning a kiosk: what goes onto its data partition. From a folder holding a configuration
 * ({@code kiosk.properties}) that {@code config check} accepts, it stages a {@code config/}
 * folder for {@code /var/lib/kiosk/config} in the image: the file itself and the files it names
 * (TLS identity, trust stores and their passwords, the document-signing anchor, the staff PIN
 * hash, virtual card profiles), with every path made relative to the file so it resolves where the
 * folder lands. The folders the kiosk writes (journal, file printer output) are named but not
 * copied: a provisioned kiosk starts with an empty journal. A path outside the folder is refused
 * unless it already names a place on the kiosk's data partition.
 */
@Command(name = "kiosk-provision", mixinStandardHelpOptions = true,
        description = "Stage a kiosk's configuration and the files it names for its data partition.")
public final class Provisioning implements Callable<Integer> {
    /** Where the data partition is mounted in the image, and where the configuration lands on it. */
    public static final Path DATA = Path.of("/var/lib/kiosk");
    public static final String CONFIG_DIR = "config";
    public static final String CONFIG_FILE = "kiosk.properties";

    /** Keys naming files or folders the kiosk reads: copied. */
    static final Set<String> READ_FILES = Set.of("endpoint.keyStore", "endpoint.keyStorePasswordFile",
            "endpoint.trustStore", "endpoint.trustStorePasswordFile", "endpoint.documentSigningAnchor",
            "staff.pinHashFile", "reader.virtualCards");
    /** Keys naming folders the kiosk writes: kept as places, never copied. */
    static final Set<String> WRITTEN_DIRS = Set.of("journal.directory", "printer.outputDirectory");
    /** Files that hold secrets: readable by the kiosk's user alone. */
    static final Set<String> SECRETS = Set.of("endpoint.keyStore", "endpoint.keyStorePasswordFile",
            "endpoint.trustStorePasswordFile", "staff.pinHashFile");

    @Parameters(index = "0", description = "folder holding kiosk.properties and the files it names")
    Path source;

    @Parameters(index = "1", description = "staging folder: becomes the root of the data partition")
    Path stage;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Provisioning()).execute(args));
    }

    /** Refusal with a message for the person provisioning; nothing was staged. */
    public static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    @Override
    public Integer call() throws IOException {
        try {
            List<Path> secrets = stage(source, stage);
            System.out.println("staged " + stage.resolve(CONFIG_DIR).resolve(CONFIG_FILE) + " for "
                    + DATA.resolve(CONFIG_DIR).resolve(CONFIG_FILE));
            for (Path secret : secrets) {
                System.out.println("secret " + stage.relativize(secret));
            }
            return 0;
        } catch (Refused e) {
            System.err.println("not provisioned: " + e.getMessage());
            return 1;
        }
    }

    /**
     * Stages {@code source/kiosk.properties} into {@code stage/config/}; returns the staged files
     * that hold secrets. Throws {@link Refused} (staging nothing) when {@code config check} finds an
     * error or a path leads out of the folder.
     */
    public static List<Path> stage(Path source, Path stage) throws IOException, Refused {
        Path file = source.resolve(CONFIG_FILE);
        if (!Files.isRegularFile(file)) {
            throw new Refused("no " + CONFIG_FILE + " in " + source);
        }
        ConfigCheck.Result check = ConfigCheck.check(file);
        if (!check.ok()) {
            throw new Refused(file + " does not pass config check:\n  " + String.join("\n  ", check.errors()));
        }
        Path base = source.toAbsolutePath().normalize();
        Properties keys = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            keys.load(reader);
        }
        Path config = stage.resolve(CONFIG_DIR);
        if (Files.exists(config)) {
            throw new Refused(config + " exists already");
        }
        record Copy(String key, Path from, Path to) {}
        List<Copy> copies = new ArrayList<>();
        List<String> dirs = new ArrayList<>();
        for (String key : new TreeSet<>(keys.stringPropertyNames())) {
            boolean read = READ_FILES.contains(key);
            if (!read && !WRITTEN_DIRS.contains(key) || keys.getProperty(key).isBlank()) {
                continue;
            }
            Path named = base.resolve(keys.getProperty(key).trim()).normalize();
            if (named.startsWith(base)) {
                Path relative = base.relativize(named);
                keys.setProperty(key, relative.toString().isEmpty() ? "." : relative.toString());
                if (read) {
                    copies.add(new Copy(key, named, config.resolve(relative)));
                } else {
                    dirs.add(relative.toString());
                }
            } else if (!named.startsWith(DATA)) {
                throw new Refused(key + " names " + named + ", outside " + base
                        + ": the image holds only what the folder holds (or a place under " + DATA + ")");
            }
        }
        List<Path> secrets = new ArrayList<>();
        Files.createDirectories(config);
        for (Copy copy : copies) {
            copyTree(copy.from(), copy.to());
            if (SECRETS.contains(copy.key())) {
                secrets.add(copy.to());
            }
        }
        for (String dir : dirs) {
            Files.createDirectories(config.resolve(dir));
        }
        StringWriter text = new StringWriter();
        keys.store(text, null);
        List<String> lines = text.toString().lines().filter(l -> !l.startsWith("#")).sorted().toList();
        Files.writeString(config.resolve(CONFIG_FILE), "# provisioned from " + base
                + "; relative paths are taken from this folder\n" + String.join("\n", lines) + "\n",
                StandardCharsets.UTF_8);
        return secrets;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        if (!Files.isDirectory(from)) {
            Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
            return;
        }
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.getFileName().toString().endsWith(".sock")) {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
