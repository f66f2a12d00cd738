package mlfoundations.kernel;

import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.LogManager;

import org.rapaio.jupyter.kernel.MainApp;
import org.rapaio.jupyter.kernel.channels.AbstractChannel;
import org.rapaio.jupyter.kernel.channels.Channels;
import org.rapaio.jupyter.kernel.channels.ShellChannel;
import org.rapaio.jupyter.kernel.core.ConnectionProperties;
import org.rapaio.jupyter.kernel.core.Transform;

/**
 * Starts the rapaio Java kernel as its own MainApp does, but binds the shell socket only once the kernel can
 * answer what arrives on it.
 *
 * <p>Why: rapaio-jupyter-kernel 3.0.1's {@code Channels.connect} binds its five sockets in an unspecified order
 * (a {@code Set.of}) and only afterwards creates its message-handler map. A client that asks for kernel_info at
 * once, as JupyterLab's server does, may reach the shell socket in between: the request is dropped ("Unhandled
 * message") or the shell thread dies on the missing map, and JupyterLab shows the kernel "Connecting" for good.
 * Here every other socket is bound by {@code connect}, and the shell socket right after it. If this kernel
 * version's internals differ, it falls back to the kernel's own main class. Compiled by ./course setup into the
 * kernelspec folder.
 */
public final class KernelLauncher {

    private KernelLauncher() {
    }

    /** Runs the kernel on the given Jupyter connection file. */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: KernelLauncher CONNECTION_FILE");
        }
        Path connectionFile = Path.of(args[0]);
        if (!Files.isRegularFile(connectionFile)) {
            throw new IllegalArgumentException("connection file " + connectionFile + " is not a file");
        }
        var logging = KernelLauncher.class.getClassLoader().getResourceAsStream("logging.properties");
        if (logging != null) {
            LogManager.getLogManager().readConfiguration(logging);
        }
        ConnectionProperties props = Transform.fromJson(Files.readString(connectionFile), ConnectionProperties.class);
        Channels channels = new Channels(props);
        ShellChannel shell;
        try {
            shell = deferShellBinding(channels);
        } catch (ReflectiveOperationException | RuntimeException e) {
            System.err.println("ml-foundations kernel launcher: " + e + "; starting the kernel's own main class");
            MainApp.main(args);
            return;
        }
        channels.connect(MainApp.kernel);   // binds the other four sockets, then creates the handlers
        shell.bind(props);                  // only now can a request arrive
        channels.joinUntilClose();
    }

    /** Makes the first pass over the channels (the binding one in connect) skip the shell channel. */
    @SuppressWarnings("unchecked")
    private static ShellChannel deferShellBinding(Channels channels) throws ReflectiveOperationException {
        Field setField = Channels.class.getDeclaredField("channels");
        Field shellField = Channels.class.getDeclaredField("shell");
        setField.setAccessible(true);
        shellField.setAccessible(true);
        ShellChannel shell = (ShellChannel) shellField.get(channels);
        Set<AbstractChannel> all = (Set<AbstractChannel>) setField.get(channels);
        setField.set(channels, new ShellLast(all, shell));
        return shell;
    }

    /** The same channels; its first forEach leaves the shell channel out. */
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
