package mlfoundations.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/**
 * The notebook suite: executes every lesson under notebooks/ through the real Jupyter client (nbconvert) on the
 * installed `java` kernel, with the notebook's folder as working directory, writing the executed copy to
 * target/notebooks-executed/, and checks it with {@link NotebookChecker}. It never writes to notebooks/.
 *
 * <p>Run by {@code ./course test} (mvn verify, after the jar is built). {@code -Dnotebooks.only=00-1} runs the
 * lessons whose file name starts with 00-1.
 *
 * <p>It reports, per lesson, in target/notebook-report.json: {@code notebook}; {@code wall_s}, the whole nbconvert run
 * (kernel start to kernel shutdown); {@code first_cell_s}, from the kernel process's start to the first cell's result;
 * {@code first_cell_run_s}, the first cell alone (execute request to reply); {@code peak_rss_mb}, the kernel JVM's peak
 * resident memory (VmHWM); {@code plots}; {@code problems}. Figures, never pass/fail: the course's targets (whole
 * suite within 120 s, no lesson over 20 s, first cell within 2 s, kernel within 1 GB) are printed beside them.
 */
@Tag("notebooks")
class NotebookSuiteIT {

    static final Path ROOT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    static final Path NOTEBOOKS = ROOT.resolve("notebooks");
    static final Path OUT = ROOT.resolve("target/notebooks-executed");
    /** Lessons as the suite runs them (reference answers appended): a copy of notebooks/ beside data/ and target/. */
    static final Path RUN = ROOT.resolve("target/notebooks-run");
    static final ObjectMapper JSON = new ObjectMapper();
    static final Map<String, ObjectNode> REPORT = new TreeMap<>();
    static Map<Path, String> before;
    static Instant started;

    @BeforeAll
    static void remember() throws IOException {
        before = digests();
        started = Instant.now();
        Files.createDirectories(OUT);
    }

    @TestFactory
    Stream<DynamicTest> everyLessonRunsCleanOnTheJavaKernel() throws IOException {
        String only = System.getProperty("notebooks.only", "");
        List<Path> lessons = lessons().stream().filter(p -> p.getFileName().toString().startsWith(only))
                .collect(Collectors.toList());
        assertTrue(!lessons.isEmpty(), "no lesson notebooks found in " + NOTEBOOKS
                + (only.isEmpty() ? "" : " starting with '" + only + "'"));
        return lessons.stream().map(nb -> DynamicTest.dynamicTest(nb.getFileName().toString(), () -> runLesson(nb)));
    }

    @AfterAll
    static void report() throws IOException {
        Map<Path, String> after = digests();
        double total = Duration.between(started, Instant.now()).toMillis() / 1000.0;
        System.out.println();
        System.out.println("Notebook suite: wall time per lesson");
        double sum = 0;
        for (ObjectNode r : REPORT.values()) {
            System.out.printf(Locale.ROOT, "  %-45s %6.1f s  (first cell %.1f s after kernel start, peak RSS %.0f MB,"
                    + " %d plots)%n", r.get("notebook").asText(), r.get("wall_s").asDouble(),
                    r.get("first_cell_s").asDouble(), r.get("peak_rss_mb").asDouble(), r.get("plots").asInt());
            sum += r.get("wall_s").asDouble();
        }
        System.out.printf(Locale.ROOT, "  %-45s %6.1f s  (suite wall time %.1f s)%n", "all lessons", sum, total);
        // The course's performance targets, reported (not asserted: speed is measured, never a failing test).
        double slowest = REPORT.values().stream().mapToDouble(r -> r.get("wall_s").asDouble()).max().orElse(0);
        double firstCell = REPORT.values().stream().mapToDouble(r -> r.get("first_cell_s").asDouble()).max().orElse(0);
        double rss = REPORT.values().stream().mapToDouble(r -> r.get("peak_rss_mb").asDouble()).max().orElse(0);
        System.out.printf(Locale.ROOT, "  targets: all lessons %.1f s (<= 180), slowest lesson %.1f s (<= 20), "
                + "slowest first cell %.1f s after kernel start (<= 2), largest kernel peak RSS %.0f MB (<= 1024)%n",
                sum, slowest, firstCell, rss);
        ArrayNode arr = JSON.createArrayNode();
        REPORT.values().forEach(arr::add);
        JSON.enable(SerializationFeature.INDENT_OUTPUT).writeValue(ROOT.resolve("target/notebook-report.json").toFile(), arr);
        assertEquals(before, after, "the notebook suite must never modify notebooks/");
    }

    static void runLesson(Path nb) throws Exception {
        String name = nb.getFileName().toString();
        List<String> problems = new ArrayList<>();
        JsonNode source = JSON.readTree(nb.toFile());
        problems.addAll(NotebookChecker.checkSource(source, nb.getParent()));
        problems.addAll(NotebookChecker.checkExerciseSource(source, ROOT, name));
        problems.addAll(NotebookChecker.checkLessonShape(source));

        // One kernel run per lesson: the lesson as written (its checks see the placeholders), then each exercise's
        // reference answer and its check again (NotebookChecker.withReferenceAnswers).
        Path run = runnableCopy(name, NotebookChecker.withReferenceAnswers(source, ROOT, name));
        Path executed = OUT.resolve(name);
        Instant t0 = Instant.now();
        KernelWatch watch = new KernelWatch();
        int exit = execute(run, executed, watch);
        for (int retry = 0; retry < 2 && exit != 0 && kernelDidNotStart(executed); retry++) {
            // kernel/MlFoundationsKernel.java closes the kernel's known start-up races; should a kernel still not
            // answer, a fresh one is started and the retry is said, so that a rare hang is seen, not hidden.
            System.out.println(name + ": the kernel did not answer at start-up; starting it again");
            t0 = Instant.now();
            watch = new KernelWatch();
            exit = execute(run, executed, watch);
        }
        double wall = Duration.between(t0, Instant.now()).toMillis() / 1000.0;
        if (exit != 0 || !Files.exists(executed)) {
            fail(name + ": nbconvert failed (exit " + exit + "):\n" + tail(Files.readString(log(executed)), 3000));
        }
        JsonNode done = JSON.readTree(executed.toFile());
        problems.addAll(NotebookChecker.checkExecuted(done));
        problems.addAll(NotebookChecker.checkExerciseVerdicts(done, false));
        problems.addAll(NotebookChecker.checkExerciseVerdicts(done, true));

        ObjectNode r = JSON.createObjectNode();
        r.put("notebook", name);
        r.put("wall_s", wall);
        r.put("first_cell_s", watch.kernelStart == null ? Double.NaN : firstCellSecondsFrom(done, watch.kernelStart));
        r.put("first_cell_run_s", firstCellSeconds(done));
        r.put("peak_rss_mb", watch.peakRssKb < 0 ? Double.NaN : Math.round(watch.peakRssKb / 102.4) / 10.0);
        r.put("plots", NotebookChecker.plotCells(done));
        r.put("problems", problems.size());
        REPORT.put(name, r);
        System.out.printf(Locale.ROOT, "%s: %.1f s, first cell %.1f s after the kernel started, kernel peak RSS %.0f MB,"
                + " %d problem(s)%n", name, wall, r.get("first_cell_s").asDouble(), r.get("peak_rss_mb").asDouble(),
                problems.size());
        if (!problems.isEmpty()) {
            fail(name + " has " + problems.size() + " problem(s):\n  - " + String.join("\n  - ", problems)
                    + "\n(executed copy: " + ROOT.relativize(executed) + ")");
        }
    }

    /** Writes the notebook to run into a scratch copy of notebooks/ that sits beside links to data/ and target/. */
    static Path runnableCopy(String name, JsonNode nb) throws IOException {
        Path work = RUN.resolve("notebooks");
        Files.createDirectories(work);
        for (String dir : new String[] {"target", "data"}) {
            Path link = RUN.resolve(dir);
            if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.createSymbolicLink(link, ROOT.resolve(dir));
            }
        }
        Path copy = work.resolve(name);
        JSON.writeValue(copy.toFile(), nb);
        return copy;
    }

    /**
     * Executes one notebook with nbconvert into {@code executed}; returns nbconvert's exit code. Only the execute
     * step runs: nbconvert's default steps would also merge a cell's stream outputs, and the suite must see the text
     * as the kernel sent it.
     */
    static int execute(Path nb, Path executed, KernelWatch watch) throws IOException, InterruptedException {
        Files.deleteIfExists(executed);
        List<String> cmd = List.of("jupyter", "nbconvert", "--to", "notebook", "--execute", "--allow-errors",
                "--NotebookExporter.default_preprocessors=nbconvert.preprocessors.ExecutePreprocessor",
                "--ExecutePreprocessor.kernel_name=java", "--ExecutePreprocessor.timeout=600",
                "--ExecutePreprocessor.startup_timeout=60", "--output-dir", executed.getParent().toString(),
                "--output", executed.getFileName().toString(), nb.toString());
        Process p;
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(nb.getParent().toFile()).redirectErrorStream(true)
                    .redirectOutput(log(executed).toFile());
            // The course's kernel then sends a cell's text only at its end (or before a plot or an error), never
            // in between because the machine is busy: each cell's text must arrive whole (NotebookChecker).
            pb.environment().put("COURSE_KERNEL_PROGRESS_MILLIS", "0");
            p = pb.start();
        } catch (IOException e) {
            fail("cannot start `jupyter nbconvert` (" + e.getMessage() + "); install the Jupyter client tools "
                    + "(Debian: jupyter-nbconvert python3-nbclient; conda: nbconvert nbclient) and run ./course setup");
            return -1;
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
        // Poll the kernel (the java process nbconvert starts) while the notebook runs: its start time and its
        // peak resident memory (VmHWM, which the Linux kernel keeps as a high-water mark).
        while (!p.waitFor(100, TimeUnit.MILLISECONDS)) {
            watch.poll(p.toHandle());
            if (System.nanoTime() > deadline) {
                p.destroyForcibly();
                fail(nb.getFileName() + ": execution did not finish in 15 minutes");
            }
        }
        return p.exitValue();
    }

    static Path log(Path executed) {
        return executed.resolveSibling(executed.getFileName().toString().replace(".ipynb", ".log"));
    }

    static boolean kernelDidNotStart(Path executed) throws IOException {
        String text = Files.readString(log(executed), StandardCharsets.UTF_8);
        return text.contains("Kernel didn't respond") || text.contains("Kernel died before replying");
    }

    /**
     * Seconds from the kernel process's start (as the operating system records it) to the first code cell's reply
     * (nbclient's shell.execute_reply time): what a user waits, from starting the kernel to the first result. That
     * cell is the {@code %jars} cell, so this includes the JVM's and JShell's start and loading the library jar.
     */
    static double firstCellSecondsFrom(JsonNode nb, Instant kernelStart) {
        for (JsonNode cell : nb.path("cells")) {
            JsonNode ex = cell.path("metadata").path("execution");
            if (ex.has("shell.execute_reply")) {
                Instant b = Instant.parse(ex.get("shell.execute_reply").asText());
                return Duration.between(kernelStart, b).toMillis() / 1000.0;
            }
        }
        return Double.NaN;
    }

    /**
     * Watches the kernel of one nbconvert run: the first java process among nbconvert's descendants. Records its
     * start instant and the largest VmHWM (peak resident set) read from /proc/&lt;pid&gt;/status, summed over every
     * java descendant (a kernel that runs user code in a second JVM counts both). Left at null / -1 off Linux.
     */
    static final class KernelWatch {
        Instant kernelStart;
        long peakRssKb = -1;
        private final Map<Long, Long> hwmKb = new java.util.HashMap<>();

        void poll(ProcessHandle nbconvert) {
            nbconvert.descendants().filter(h -> h.info().command().map(c -> c.endsWith("/java") || c.equals("java"))
                    .orElse(false)).forEach(h -> {
                        if (kernelStart == null) {
                            kernelStart = h.info().startInstant().orElse(null);
                        }
                        long kb = vmHwmKb(h.pid());
                        if (kb > 0) {
                            hwmKb.merge(h.pid(), kb, Math::max);
                        }
                    });
            if (!hwmKb.isEmpty()) {
                peakRssKb = hwmKb.values().stream().mapToLong(Long::longValue).sum();
            }
        }

        static long vmHwmKb(long pid) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                    if (line.startsWith("VmHWM:")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", ""));
                    }
                }
            } catch (IOException | RuntimeException e) {
                // The process ended between listing and reading, or this is not Linux.
            }
            return -1;
        }
    }

    /** Seconds from the kernel's first execute request to the first cell's reply, from nbclient's timing. */
    static double firstCellSeconds(JsonNode nb) {
        for (JsonNode cell : nb.path("cells")) {
            JsonNode ex = cell.path("metadata").path("execution");
            if (ex.has("iopub.execute_input") && ex.has("shell.execute_reply")) {
                Instant a = Instant.parse(ex.get("iopub.execute_input").asText());
                Instant b = Instant.parse(ex.get("shell.execute_reply").asText());
                return Duration.between(a, b).toMillis() / 1000.0;
            }
        }
        return Double.NaN;
    }

    static List<Path> lessons() throws IOException {
        try (Stream<Path> s = Files.list(NOTEBOOKS)) {
            return s.filter(p -> p.toString().endsWith(".ipynb")).sorted().collect(Collectors.toList());
        }
    }

    static Map<Path, String> digests() throws IOException {
        Map<Path, String> out = new LinkedHashMap<>();
        try (Stream<Path> s = Files.walk(NOTEBOOKS)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().collect(Collectors.toList())) {
                out.put(NOTEBOOKS.relativize(p), sha256(Files.readAllBytes(p)));
            }
        }
        return out;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String tail(String s, int n) {
        return s.length() <= n ? s : "..." + s.substring(s.length() - n);
    }
}
