import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RunnableFuture;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.logging.LogManager;

import org.rapaio.jupyter.kernel.MainApp;
import org.rapaio.jupyter.kernel.channels.AbstractChannel;
import org.rapaio.jupyter.kernel.channels.Channels;
import org.rapaio.jupyter.kernel.channels.LoopThread;
import org.rapaio.jupyter.kernel.channels.ShellChannel;
import org.rapaio.jupyter.kernel.core.ConnectionProperties;
import org.rapaio.jupyter.kernel.core.RapaioKernel;
import org.rapaio.jupyter.kernel.core.Transform;
import org.rapaio.jupyter.kernel.core.java.JavaEngine;
import org.rapaio.jupyter.kernel.core.java.RapaioExecutionControl;
import org.rapaio.jupyter.kernel.core.java.RapaioExecutionControlProvider;
import org.rapaio.jupyter.kernel.core.java.io.JShellConsole;
import org.rapaio.jupyter.kernel.core.java.io.JShellOutputStream;
import org.rapaio.jupyter.kernel.display.DisplaySystem;
import org.rapaio.jupyter.kernel.display.DisplayData;
import org.rapaio.jupyter.kernel.display.DisplayRenderer;

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
 *
 * <p>It also delivers a cell's printed text in whole lines ({@link LineBatcher}). The kernel wraps its console in an
 * auto-flushing {@code PrintStream}, which flushes after every write: one {@code printf} with padded fields became a
 * dozen stream messages, and an exported page showed each in its own block (00-1's score table: 219 of them). Here
 * text is held and sent at the end of the cell, or earlier where the order on the page needs it: before a value
 * the cell shows (a plot) and before an error. A cell that runs for longer than {@link LineBatcher#PROGRESS_MILLIS}
 * ms shows its complete lines as it goes. (Text printed just before a {@code display(...)} call in the middle of a
 * cell is sent before it too: display renders through the same display system.) The environment variable
 * {@code COURSE_KERNEL_PROGRESS_MILLIS} sets that interval; 0 sends nothing before the end of the cell (the notebook
 * suite uses it, so a lesson's outputs do not depend on how busy the machine is).
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
        try {
            batchOutput(MainApp.kernel);
        } catch (ReflectiveOperationException | RuntimeException e) {
            stderr.println("ml-foundations kernel: " + e + "; printed text goes out unbatched, as the kernel sends it");
        }
        try {
            channels.connect(MainApp.kernel);   // binds every socket but the shell's, then fills the handler table
            shell.bind(props);                  // only now can a request reach the shell
        } catch (RuntimeException e) {
            // Typically "Address already in use": Jupyter chose the ports, and between its choice and this bind
            // another process took one (many kernels starting at once on a class server). A kernel that stayed up
            // without its sockets would never answer and never be restarted; ending the process lets Jupyter's
            // restarter start it again on new ports.
            stderr.println("ml-foundations kernel: cannot bind the kernel's sockets (" + e
                    + "); exiting so that Jupyter restarts the kernel on new ports");
            Runtime.getRuntime().halt(1);
        }
        for (String name : new String[] {"heartbeat", "shell", "control"}) {
            restartLostLoop((AbstractChannel) field(Channels.class, name).get(channels), stderr);
        }
        exitAfterShutdownRequest(channels);
        channels.joinUntilClose();
    }

    /**
     * Ends the process once a shutdown request has been answered. The kernel marks itself for shutdown and answers,
     * but some of its threads keep running, so the process never ended by itself: every client (JupyterLab closing
     * a notebook, nbconvert at the end of a run) waited about 3 s for it and then killed it.
     */
    static void exitAfterShutdownRequest(Channels channels) {
        Thread watcher = new Thread(() -> {
            try {
                while (!channels.isMarkedForShutdown()) {
                    Thread.sleep(20);
                }
                Thread.sleep(100);   // the reply is sent right after the mark: let it leave the socket
            } catch (InterruptedException e) {
                return;
            }
            System.exit(0);
        }, "ml-foundations-exit-on-shutdown");
        watcher.setDaemon(true);
        watcher.start();
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

    /**
     * Puts a {@link BatchingOutput} in place of the kernel console's stdout and stderr, and hooks the display system
     * and the cell-code thread pool so held text goes out before a shown value or an error (see the class comment).
     */
    static void batchOutput(RapaioKernel kernel) throws ReflectiveOperationException {
        JShellConsole console = (JShellConsole) field(RapaioKernel.class, "shellConsole").get(kernel);
        long progress = LineBatcher.progressMillis(System.getenv("COURSE_KERNEL_PROGRESS_MILLIS"));
        BatchingOutput out = new BatchingOutput(false, progress);
        BatchingOutput err = new BatchingOutput(true, progress);
        field(JShellConsole.class, "out").set(console, out);
        field(JShellConsole.class, "err").set(console, err);
        Runnable sendHeld = () -> {
            out.sendAll();
            err.sendAll();
        };
        // Text printed before a plot (or any value the cell shows) goes out before it: the display system asks every
        // renderer what it renders, and its first renderer now renders nothing and sends the text held so far.
        Field renderers = field(DisplaySystem.class, "spiDisplayRenderers");
        @SuppressWarnings("unchecked")
        List<DisplayRenderer> loaded = (List<DisplayRenderer>) renderers.get(DisplaySystem.inst());
        renderers.set(DisplaySystem.inst(), new FirstAlways(new SendBeforeShowing(sendHeld), loaded));
        // Text printed before an exception goes out before the error.
        JavaEngine engine = kernel.javaEngine();
        var provider = (RapaioExecutionControlProvider) field(JavaEngine.class, "controlProvider").get(engine);
        Field controllers = field(RapaioExecutionControlProvider.class, "controllers");
        @SuppressWarnings("unchecked")
        Map<String, RapaioExecutionControl> existing = (Map<String, RapaioExecutionControl>) controllers.get(provider);
        Field executor = field(RapaioExecutionControl.class, "executor");
        // The execution control (and its thread pool for cell code) may be made later, at the first cell.
        Map<String, RapaioExecutionControl> wrapping = new ConcurrentHashMap<>() {
            @Override
            public RapaioExecutionControl put(String key, RapaioExecutionControl control) {
                try {
                    ExecutorService pool = (ExecutorService) executor.get(control);
                    if (!(pool instanceof SendOnException)) {
                        executor.set(control, new SendOnException(pool, sendHeld));
                    }
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
                return super.put(key, control);
            }
        };
        for (var e : existing.entrySet()) {
            wrapping.put(e.getKey(), e.getValue());
        }
        controllers.set(provider, wrapping);
        if (progress <= 0) {
            return;
        }
        Thread ticker = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(Math.max(1, progress / 4));
                } catch (InterruptedException e) {
                    return;
                }
                out.progress();
                err.progress();
            }
        }, "ml-foundations-output");
        ticker.setDaemon(true);
        ticker.start();
    }

    /**
     * Holds printed text and decides when to send it: everything at the end of a cell, complete lines earlier only
     * once the oldest of them has waited {@code progressMillis} ms (never, if that is 0). Thread-safe; sends through
     * {@code sink}.
     */
    static final class LineBatcher {
        /** By default, a cell that prints for longer than this shows its complete lines as it goes. */
        static final long PROGRESS_MILLIS = 1000;

        private final StringBuilder pending = new StringBuilder();
        private final Consumer<String> sink;
        private final LongSupplier clockMillis;
        private final long progressMillis;
        private long oldestMillis;

        LineBatcher(Consumer<String> sink, LongSupplier clockMillis, long progressMillis) {
            this.sink = sink;
            this.clockMillis = clockMillis;
            this.progressMillis = progressMillis;
        }

        /** The interval from the environment variable's text: a whole number of ms >= 0, else the default. */
        static long progressMillis(String setting) {
            if (setting == null || setting.isBlank()) {
                return PROGRESS_MILLIS;
            }
            try {
                long ms = Long.parseLong(setting.strip());
                if (ms >= 0) {
                    return ms;
                }
            } catch (NumberFormatException e) {
                // fall through to the message below
            }
            System.err.println("ml-foundations kernel: COURSE_KERNEL_PROGRESS_MILLIS must be a whole number of ms >= 0 "
                    + "(0: send printed text only at the end of a cell), got '" + setting + "'; using " + PROGRESS_MILLIS);
            return PROGRESS_MILLIS;
        }

        /** Adds printed text. */
        synchronized void add(String text) {
            if (text.isEmpty()) {
                return;
            }
            if (pending.length() == 0) {
                oldestMillis = clockMillis.getAsLong();
            }
            pending.append(text);
        }

        /** Sends the complete lines held, if the oldest has waited long enough; keeps a partial last line. */
        synchronized void progress() {
            int end = pending.lastIndexOf("\n") + 1;
            if (progressMillis > 0 && end > 0 && clockMillis.getAsLong() - oldestMillis >= progressMillis) {
                String lines = pending.substring(0, end);
                pending.delete(0, end);
                oldestMillis = clockMillis.getAsLong();
                sink.accept(lines);
            }
        }

        /** Sends everything held, a partial last line included. */
        synchronized void sendAll() {
            if (pending.length() > 0) {
                String all = pending.toString();
                pending.setLength(0);
                sink.accept(all);
            }
        }
    }

    /** A display renderer that renders nothing: asked first about every value shown, it sends the text held. */
    static final class SendBeforeShowing implements DisplayRenderer {
        private final Runnable send;

        SendBeforeShowing(Runnable send) {
            this.send = send;
        }

        /** Asked for every value about to be shown; the class it returns (its own) is never a shown value's class. */
        @Override
        public Class<?> rendererClass() {
            send.run();
            return SendBeforeShowing.class;
        }

        @Override
        public boolean canRender(String mime) {
            return false;
        }

        @Override
        public DisplayData render(String mime, Object o) {
            throw new UnsupportedOperationException("renders nothing");
        }
    }

    /** The display system's renderer list, with one element kept first even when the kernel reloads the list. */
    static final class FirstAlways extends ArrayList<DisplayRenderer> {
        private static final long serialVersionUID = 1L;
        private final DisplayRenderer first;

        FirstAlways(DisplayRenderer first, List<DisplayRenderer> rest) {
            this.first = first;
            add(first);
            addAll(rest);
        }

        @Override
        public void clear() {
            super.clear();
            add(first);
        }
    }

    /** The console's stdout or stderr: what the kernel flushes after every write goes to a {@link LineBatcher}. */
    static final class BatchingOutput extends JShellOutputStream {
        private final boolean err;
        private volatile Channels channels;
        private final LineBatcher batcher;

        BatchingOutput(boolean err, long progressMillis) {
            super(err);
            this.err = err;
            this.batcher = new LineBatcher(this::send, System::currentTimeMillis, progressMillis);
        }

        @Override
        public void bindChannels(Channels channels) {
            this.channels = channels;
        }

        @Override
        public synchronized void flush() {
            if (count > 0) {
                batcher.add(new String(buf, 0, count, StandardCharsets.UTF_8));
                reset();
            }
            batcher.progress();
        }

        @Override
        public void unbindChannels() {
            sendAll();
            channels = null;
        }

        void progress() {
            flush();
        }

        void sendAll() {
            synchronized (this) {
                if (count > 0) {
                    batcher.add(new String(buf, 0, count, StandardCharsets.UTF_8));
                    reset();
                }
            }
            batcher.sendAll();
        }

        private void send(String text) {
            Channels c = channels;
            if (c == null) {
                return;   // between cells nothing is bound; the kernel itself drops such text too
            }
            if (err) {
                c.writeToStdErr(text);
            } else {
                c.writeToStdOut(text);
            }
        }
    }

    /**
     * The thread pool that runs each statement of a cell: a statement that throws first sends the text held, inside
     * the task, so it is out before the kernel (waiting on the task's result) publishes the error.
     */
    static final class SendOnException extends AbstractExecutorService {
        private final ExecutorService pool;
        private final Runnable send;

        SendOnException(ExecutorService pool, Runnable send) {
            this.pool = pool;
            this.send = send;
        }

        @Override
        protected <T> RunnableFuture<T> newTaskFor(Callable<T> task) {
            return new FutureTask<>(() -> {
                try {
                    return task.call();
                } catch (Throwable e) {
                    send.run();
                    throw e;
                }
            });
        }

        @Override
        protected <T> RunnableFuture<T> newTaskFor(Runnable task, T value) {
            return newTaskFor(() -> {
                task.run();
                return value;
            });
        }

        @Override
        public void execute(Runnable command) {
            pool.execute(command);
        }

        @Override
        public void shutdown() {
            pool.shutdown();
        }

        @Override
        public List<Runnable> shutdownNow() {
            return pool.shutdownNow();
        }

        @Override
        public boolean isShutdown() {
            return pool.isShutdown();
        }

        @Override
        public boolean isTerminated() {
            return pool.isTerminated();
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
            return pool.awaitTermination(timeout, unit);
        }
    }
}
