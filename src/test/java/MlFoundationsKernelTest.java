import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.rapaio.jupyter.kernel.core.RapaioKernel;
import org.rapaio.jupyter.kernel.core.java.io.JShellConsole;
import org.rapaio.jupyter.kernel.display.DisplayRenderer;
import org.rapaio.jupyter.kernel.display.DisplaySystem;

/** The kernel launcher's output batching: whole cells of text, in order, and hooks that fit the kernel version. */
class MlFoundationsKernelTest {

    private final List<String> sent = new ArrayList<>();
    private final AtomicLong now = new AtomicLong();
    private final MlFoundationsKernel.LineBatcher batcher = new MlFoundationsKernel.LineBatcher(sent::add, now::get,
            MlFoundationsKernel.LineBatcher.PROGRESS_MILLIS);

    @Test
    void aTablePrintedInFragmentsIsSentAsOneMessageAtTheEndOfTheCell() {
        // What printf("%13d %7d   %.4f%n", ...) gives through an auto-flushing PrintStream: padding a char at a time.
        for (int k = 0; k <= 2; k++) {
            for (String piece : new String[] {" ", " ", String.valueOf(k), " ", "42", "\n"}) {
                batcher.add(piece);
                batcher.progress();
            }
            now.addAndGet(10);
        }
        assertEquals(List.of(), sent);
        batcher.sendAll();
        assertEquals(List.of("  0 42\n  1 42\n  2 42\n"), sent);
        batcher.sendAll();
        assertEquals(1, sent.size(), "nothing is sent twice");
    }

    @Test
    void aLongCellShowsItsCompleteLinesAsItGoesAndKeepsAPartialLine() {
        batcher.add("epoch 1\nepoch 2\nepo");
        now.set(MlFoundationsKernel.LineBatcher.PROGRESS_MILLIS - 1);
        batcher.progress();
        assertEquals(List.of(), sent);
        now.set(MlFoundationsKernel.LineBatcher.PROGRESS_MILLIS);
        batcher.progress();
        assertEquals(List.of("epoch 1\nepoch 2\n"), sent);
        batcher.add("ch 3\n");
        batcher.progress();   // the held text is now only just waiting again
        assertEquals(1, sent.size());
        batcher.sendAll();
        assertEquals(List.of("epoch 1\nepoch 2\n", "epoch 3\n"), sent);
    }

    @Test
    void withProgressOffNothingIsSentBeforeTheEndOfTheCell() {
        var quiet = new MlFoundationsKernel.LineBatcher(sent::add, now::get, 0);
        quiet.add("line 1\n");
        now.set(3_600_000);
        quiet.progress();
        assertEquals(List.of(), sent);
        quiet.sendAll();
        assertEquals(List.of("line 1\n"), sent);
        assertEquals(0, MlFoundationsKernel.LineBatcher.progressMillis("0"));
        assertEquals(250, MlFoundationsKernel.LineBatcher.progressMillis(" 250 "));
        assertEquals(MlFoundationsKernel.LineBatcher.PROGRESS_MILLIS, MlFoundationsKernel.LineBatcher.progressMillis(null));
        assertEquals(MlFoundationsKernel.LineBatcher.PROGRESS_MILLIS, MlFoundationsKernel.LineBatcher.progressMillis("-5"));
    }

    @Test
    void aStatementThatThrowsSendsTheHeldTextBeforeItsErrorIsSeen() throws Exception {
        AtomicInteger sends = new AtomicInteger();
        var pool = new MlFoundationsKernel.SendOnException(Executors.newSingleThreadExecutor(), sends::incrementAndGet);
        try {
            Future<Object> ok = pool.submit(() -> "fine");
            assertEquals("fine", ok.get());
            assertEquals(0, sends.get(), "a statement that returns leaves the text to the end of the cell");
            Future<Object> bad = pool.submit(() -> {
                throw new IllegalStateException("boom");
            });
            ExecutionException e = assertThrows(ExecutionException.class, bad::get);
            assertInstanceOf(IllegalStateException.class, e.getCause());
            assertEquals(1, sends.get(), "sent inside the task, so before get() returned");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theRendererAskedFirstSendsTheTextAndRendersNothing() {
        AtomicInteger sends = new AtomicInteger();
        var first = new MlFoundationsKernel.SendBeforeShowing(sends::incrementAndGet);
        Class<?> renders = first.rendererClass();
        assertEquals(1, sends.get());
        assertFalse(renders.isAssignableFrom(java.awt.image.BufferedImage.class));
        assertFalse(first.canRender("image/png"));
        var list = new MlFoundationsKernel.FirstAlways(first, new ArrayList<>());
        list.clear();   // the kernel reloads its renderers by clear() and add()
        assertEquals(1, list.size());
        assertTrue(list.get(0) == first);
    }

    @Test
    void theHooksFitThisKernelVersion() throws Exception {
        // The launcher reaches into rapaio-jupyter-kernel's fields by name: if a new version renames one, this fails
        // here, in the build, rather than as a kernel that prints in pieces.
        RapaioKernel kernel = new RapaioKernel();
        MlFoundationsKernel.batchOutput(kernel);
        var consoleField = RapaioKernel.class.getDeclaredField("shellConsole");
        consoleField.setAccessible(true);
        JShellConsole console = (JShellConsole) consoleField.get(kernel);
        assertInstanceOf(MlFoundationsKernel.BatchingOutput.class, console.getOut());
        assertInstanceOf(MlFoundationsKernel.BatchingOutput.class, console.getErr());
        var renderers = DisplaySystem.class.getDeclaredField("spiDisplayRenderers");
        renderers.setAccessible(true);
        @SuppressWarnings("unchecked")
        List<DisplayRenderer> list = (List<DisplayRenderer>) renderers.get(DisplaySystem.inst());
        assertInstanceOf(MlFoundationsKernel.SendBeforeShowing.class, list.get(0));
    }
}
