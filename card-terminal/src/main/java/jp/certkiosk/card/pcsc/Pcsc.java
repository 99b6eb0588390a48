package jp.certkiosk.card.pcsc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.TerminalFactory;

/**
 * Access to the PC/SC service. Before the JDK's PC/SC provider loads, points it at Debian's
 * libpcsclite (the JDK looks for {@code libpcsclite.so} only, which Debian ships in the -dev
 * package) and turns off the JDK's own {@code 61xx}/{@code 6Cxx} handling, which
 * {@link IsoResponseHandling} does with a bound and step names.
 */
public final class Pcsc {
    /** System property naming the libpcsclite the JDK loads. */
    public static final String LIBRARY_PROPERTY = "sun.security.smartcardio.library";
    /** Where Debian (amd64) keeps libpcsclite. */
    public static final Path DEBIAN_LIBRARY = Path.of("/usr/lib/x86_64-linux-gnu/libpcsclite.so.1");

    static {
        if (System.getProperty(LIBRARY_PROPERTY) == null && Files.exists(DEBIAN_LIBRARY)) {
            System.setProperty(LIBRARY_PROPERTY, DEBIAN_LIBRARY.toString());
        }
        for (String protocol : new String[] {"t0", "t1"}) {
            String property = "sun.security.smartcardio." + protocol + "GetResponse";
            if (System.getProperty(property) == null) {
                System.setProperty(property, "false");
            }
        }
    }

    private Pcsc() {
    }

    /**
     * A fresh PC/SC terminal factory. A new one after pcscd restarted: the old one's context may be
     * dead.
     *
     * @throws CardException if the JDK has no PC/SC provider or libpcsclite cannot be loaded
     */
    public static TerminalFactory factory() throws CardException {
        try {
            return TerminalFactory.getInstance("PC/SC", null);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new CardException("no PC/SC provider (is libpcsclite installed?)", e);
        }
    }

    /** The readers pcscd knows now; empty when there are none. */
    public static List<CardTerminal> readers() throws CardException {
        try {
            return factory().terminals().list();
        } catch (CardException e) {
            // a context that outlived its pcscd fails with varying codes (SCARD_E_NO_SERVICE,
            // SCARD_E_INVALID_HANDLE, even SCARD_W_INSERTED_CARD): renew it once and ask again
            forgetContext();
            return factory().terminals().list();
        }
    }

    /** Whether the failure means pcscd went away (stopped, restarted), so the context is dead. */
    public static boolean isServiceGone(Throwable e) {
        String text = describe(e);
        return text.contains("SCARD_E_NO_SERVICE") || text.contains("SCARD_E_SERVICE_STOPPED")
                || text.contains("SCARD_E_INVALID_HANDLE");
    }

    /** The PC/SC error names in a failure and its causes, e.g. "list() failed: SCARD_E_NO_SERVICE". */
    public static String describe(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (out.length() > 0) {
                out.append(": ");
            }
            out.append(t.getMessage());
        }
        return out.toString();
    }

    /**
     * Drops the JDK's PC/SC context so that the next {@link #factory()} establishes a new one. The
     * JDK keeps one context per process and never renews it, so after pcscd restarted every call
     * fails with {@code SCARD_E_NO_SERVICE}. Needs
     * {@code --add-opens java.smartcardio/sun.security.smartcardio=ALL-UNNAMED} (set by the
     * launcher and the tests); without it the kiosk recovers only by restarting.
     *
     * @return whether the context could be dropped
     */
    public static synchronized boolean forgetContext() {
        try {
            Class<?> terminals = Class.forName("sun.security.smartcardio.PCSCTerminals");
            java.lang.reflect.Field context = terminals.getDeclaredField("contextId");
            context.setAccessible(true);
            context.setLong(null, 0L);
            // the JDK also caches reader objects, each holding the context it was made with
            java.lang.reflect.Field cache = terminals.getDeclaredField("terminals");
            cache.setAccessible(true);
            synchronized (terminals) {
                ((java.util.Map<?, ?>) cache.get(null)).clear();
            }
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            if (!warnedAboutContext) {
                warnedAboutContext = true;
                System.getLogger(Pcsc.class.getName()).log(System.Logger.Level.WARNING,
                        "cannot renew the PC/SC context after pcscd restarted ({0}); start the JVM with "
                                + "--add-opens java.smartcardio/sun.security.smartcardio=ALL-UNNAMED", e.toString());
            }
            return false;
        }
    }

    private static boolean warnedAboutContext;
}
