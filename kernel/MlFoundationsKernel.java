import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.logging.LogManager;

import org.rapaio.jupyter.kernel.MainApp;
import org.rapaio.jupyter.kernel.channels.Channels;
import org.rapaio.jupyter.kernel.core.ConnectionProperties;
import org.rapaio.jupyter.kernel.core.RapaioKernel;
import org.rapaio.jupyter.kernel.core.Transform;

/**
 * Starts rapaio-jupyter-kernel 3.0.1 the way its own MainApp does, with one start-up race closed.
 *
 * <p>MainApp binds the kernel's sockets first and creates its table of message handlers afterwards. A
 * {@code kernel_info_request} that arrives in between (Jupyter sends one at once, and on a busy machine the gap
 * grows) hits a null table: the shell thread dies with a NullPointerException and the kernel never answers, so
 * the notebook waits for a kernel that will not come. Giving the table an empty value before the sockets open
 * turns that into an "unhandled message" that Jupyter simply asks again. Compiled by {@code ./course setup} into
 * the kernel's folder; the rest is the kernel's own code.
 */
public final class MlFoundationsKernel {

    private MlFoundationsKernel() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: MlFoundationsKernel <connection file>");
        }
        LogManager.getLogManager().readConfiguration(
                MlFoundationsKernel.class.getClassLoader().getResourceAsStream("logging.properties"));
        Path file = Path.of(args[0]);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("connection file not found: " + file);
        }
        ConnectionProperties props = Transform.fromJson(Files.readString(file), ConnectionProperties.class);
        Channels channels = new Channels(props);
        Field handlers = Channels.class.getDeclaredField("handlers");
        handlers.setAccessible(true);
        handlers.set(channels, new HashMap<>());
        Field kernel = MainApp.class.getDeclaredField("kernel");
        kernel.setAccessible(true);
        channels.connect((RapaioKernel) kernel.get(null));
        channels.joinUntilClose();
    }
}
