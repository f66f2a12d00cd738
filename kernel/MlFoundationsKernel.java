import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.LogManager;

import org.rapaio.jupyter.kernel.MainApp;
import org.rapaio.jupyter.kernel.channels.AbstractChannel;
import org.rapaio.jupyter.kernel.channels.Channels;
import org.rapaio.jupyter.kernel.channels.LoopThread;
import org.rapaio.jupyter.kernel.channels.ShellChannel;
import org.rapaio.jupyter.kernel.core.ConnectionProperties;
import org.rapaio.jupyter.kernel.core.Transform;

/**
 * Starts rapaio-jupyter-kernel 3.0.1 the way its own MainApp does, with its three start-up races closed. Compiled
 * by {@code ./course setup} into the kernel's folder, first on the kernel's class path; the rest is the kernel's
 * own code. If this kernel version's internals differ, it falls back to the kernel's own main class.
 *
 * <ol>
 * <li>{@code LoopThread.start()} starts the thread and only then sets {@code running = true}. A thread that gets
 * the CPU first reads {@code false} and ends at once, silently. When that thread is the shell's, the kernel never
 * answers and the notebook waits forever ("Kernel didn't respond", or "Connecting" in JupyterLab); on a busy
 * machine it happened to several percent of starts. Here every loop thread that ended that way is started again.
 * <li>{@code Channels.connect} binds the sockets first and creates its table of message handlers afterwards: a
 * request arriving in between hits a null table and kills the shell thread. The table is given a value first.
 * <li>A request arriving after the table exists but before it is filled is dropped as "unhandled", and JupyterLab
 * waits a minute or more before asking again. So the shell socket is bound only after {@code connect} returns.
 * </ol>
 */
public final class MlFoundationsKernel {

    private MlFoundationsKernel() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: MlFoundationsKernel <connection file>");
        }
        // The kernel later points System.err at the notebook; a kernel thread that dies must still be reported.
        PrintStream stderr = System.err;
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            stderr.println("ml-foundations kernel: thread " + thread.getName() + " died:");
            e.printStackTrace(stderr);
        });
        var logging = MlFoundationsKernel.class.getClassLoader().getResourceAsStream("logging.properties");
        if (logging != null) {
            LogManager.getLogManager().readConfiguration(logging);
        }
        Path file = Path.of(args[0]);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("connection file not found: " + file);
        }
        ConnectionProperties props = Transform.fromJson(Files.readString(file), ConnectionProperties.class);
        Channels channels = new Channels(props);
        ShellChannel shell;
        try {
            field(Channels.class, "handlers").set(channels, new HashMap<>());
            shell = deferShellBinding(channels);
        } catch (ReflectiveOperationException | RuntimeException e) {
            stderr.println("ml-foundations kernel: " + e + "; starting the kernel's own main class instead");
            MainApp.main(args);
            return;
        }
        channels.connect(MainApp.kernel);   // binds every socket but the shell's, then fills the handler table
        shell.bind(props);                  // only now can a request reach the shell
        for (String name : new String[] {"heartbeat", "shell", "control"}) {
            restartLostLoop((AbstractChannel) field(Channels.class, name).get(channels), stderr);
        }
        channels.joinUntilClose();
    }

    /** Starts a channel's loop thread again, for as long as it has ended before ever running its loop. */
    static void restartLostLoop(AbstractChannel channel, PrintStream log) throws Exception {
        Field loop = field(channel.getClass(), "loopThread");
        for (int attempt = 0; attempt < 10; attempt++) {
            Thread.sleep(20);   // a thread that lost the race has ended within microseconds of its start()
            LoopThread thread = (LoopThread) loop.get(channel);
            if (thread == null || thread.isAlive()) {
                return;
            }
            long sleep = (long) field(LoopThread.class, "sleep").get(thread);
            Runnable body = (Runnable) field(LoopThread.class, "loopBody").get(thread);
            LoopThread again = new LoopThread(thread.getName(), sleep, body);
            loop.set(channel, again);
            again.start();
            log.println("ml-foundations kernel: loop thread " + thread.getName() + " ended at start-up (a race in "
                    + "LoopThread.start); started it again");
        }
    }

    /** Makes the first pass over the channels (the binding one, in connect) leave the shell channel out. */
    @SuppressWarnings("unchecked")
    static ShellChannel deferShellBinding(Channels channels) throws ReflectiveOperationException {
        Field set = field(Channels.class, "channels");
        ShellChannel shell = (ShellChannel) field(Channels.class, "shell").get(channels);
        set.set(channels, new ShellLast((Set<AbstractChannel>) set.get(channels), shell));
        return shell;
    }

    static Field field(Class<?> type, String name) throws NoSuchFieldException {
        Field f = type.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }

    /** The same channels; only its first forEach (the one that binds them) skips the shell channel. */
    private static final class ShellLast extends AbstractSet<AbstractChannel> {
        private final Set<AbstractChannel> all;
        private final ShellChannel shell;
        private boolean first = true;

        ShellLast(Set<AbstractChannel> all, ShellChannel shell) {
            this.all = all;
            this.shell = shell;
        }

        @Override
        public Iterator<AbstractChannel> iterator() {
            return all.iterator();
        }

        @Override
        public int size() {
            return all.size();
        }

        @Override
        public synchronized void forEach(Consumer<? super AbstractChannel> action) {
            boolean skipShell = first;
            first = false;
            for (AbstractChannel c : all) {
                if (!(skipShell && c == shell)) {
                    action.accept(c);
                }
            }
        }
    }
}
