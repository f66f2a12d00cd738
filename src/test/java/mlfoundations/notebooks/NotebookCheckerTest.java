package mlfoundations.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The suite's rules must catch each kind of fault: fed notebooks with one fault each, it names that fault. */
class NotebookCheckerTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aCleanNotebookPasses() throws Exception {
        ObjectNode nb = notebook();
        cell(nb, "%jars ../target/ml-foundations.jar");
        ObjectNode plot = cell(nb, "Charts.xy(\"t\", \"x\", \"y\").line(\"a\", v).image()", "plot");
        output(plot, "execute_result", png(200, 100));
        ObjectNode text = cell(nb, "System.out.println(1);");
        stream(text, "stdout", "1\n");
        assertEquals(List.of(), NotebookChecker.checkExecuted(nb));
        assertEquals(List.of(), NotebookChecker.checkSource(stripOutputs(nb), null));
        assertEquals(1, NotebookChecker.plotCells(nb));
    }

    @Test
    void errorsStderrAndStrayValuesAreCaught() throws Exception {
        ObjectNode nb = notebook();
        cell(nb, "%jars ../target/ml-foundations.jar");
        ObjectNode err = cell(nb, "int z = 1 / 0;");
        ObjectNode e = err.withArray("outputs").addObject();
        e.put("output_type", "error").put("ename", "EvalException").put("evalue", "/ by zero");
        e.putArray("traceback").add("\u001b[31mjava.lang.ArithmeticException: / by zero\u001b[0m");
        stream(cell(nb, "System.err.println(\"oops\");"), "stderr", "oops\n");
        ObjectNode stray = cell(nb, "System.out.printf(\"%d%n\", 3)");
        ObjectNode r = stray.withArray("outputs").addObject();
        r.put("output_type", "execute_result").putObject("data").putArray("text/html").add("java.io.PrintStream@35134f1d");
        ObjectNode id = cell(nb, "display(img)");
        id.withArray("outputs").addObject().put("output_type", "execute_result").putObject("data")
                .put("text/plain", "f7baa7f9-1bf1-4c8b-b1d8-29a070d66c55");
        List<String> problems = NotebookChecker.checkExecuted(nb);
        assertEquals(4, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("cell 2 (int z = 1 / 0;): error EvalException: / by zero"), problems.get(0));
        assertTrue(problems.get(0).contains("java.lang.ArithmeticException") && !problems.get(0).contains("\u001b"));
        assertTrue(problems.get(1).contains("wrote to stderr: oops"), problems.get(1));
        assertTrue(problems.get(2).contains("stray value `java.io.PrintStream@35134f1d`"), problems.get(2));
        assertTrue(problems.get(3).contains("stray value `f7baa7f9"), problems.get(3));
    }

    @Test
    void aPromisedPlotMustBeDrawnAndADrawnPlotMustBePromised() throws Exception {
        ObjectNode nb = notebook();
        cell(nb, "%jars ../target/ml-foundations.jar");
        cell(nb, "var img = chart.image();", "plot");
        ObjectNode untagged = cell(nb, "img");
        output(untagged, "execute_result", png(100, 100));
        ObjectNode tiny = cell(nb, "tiny", "plot");
        output(tiny, "display_data", png(10, 10));
        List<String> problems = NotebookChecker.checkExecuted(nb);
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("tagged \"plot\" but shows no image"), problems.get(0));
        assertTrue(problems.get(1).contains("not tagged \"plot\""), problems.get(1));
        assertTrue(problems.get(2).contains("only 10x10 pixels"), problems.get(2));
    }

    @Test
    void theCommittedSourceMustBeCleanPortableAndLoadTheJar() throws Exception {
        ObjectNode nb = notebook();
        ((ObjectNode) nb.get("metadata").get("kernelspec")).put("name", "java17");
        ObjectNode first = cell(nb, "%jars /opt/ml-foundations.jar");
        first.put("execution_count", 1);
        ObjectNode second = cell(nb, "%maven org.ejml:ejml-simple:0.46.1");
        stream(second, "stdout", "x");
        List<String> problems = NotebookChecker.checkSource(nb, Path.of("."));
        assertEquals(5, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("kernelspec.name must be \"java\""), problems.get(0));
        assertTrue(problems.get(1).contains("execution count"), problems.get(1));
        assertTrue(problems.get(2).contains("relative to the notebook's folder"), problems.get(2));
        assertTrue(problems.get(3).contains("holds outputs"), problems.get(3));
        assertTrue(problems.get(4).contains("kernel-specific magic `%maven"), problems.get(4));
    }

    @Test
    void aMissingJarIsNamed() {
        ObjectNode nb = notebook();
        cell(nb, "%jars ../no-such/ml-foundations.jar");
        List<String> problems = NotebookChecker.checkSource(nb, Path.of("."));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("does not exist"), problems.get(0));
    }

    @Test
    void printedTextInPiecesIsCaughtButTextAroundAPlotIsNot() throws Exception {
        ObjectNode nb = notebook();
        cell(nb, "%jars ../target/ml-foundations.jar");
        ObjectNode table = cell(nb, "for (int k = 0; k < 2; k++) System.out.printf(\"%3d%n\", k);");
        stream(table, "stdout", "  0\n");
        stream(table, "stdout", "  1\n");
        ObjectNode mixed = cell(nb, "System.out.println(\"before\"); chart.image()", "plot");
        stream(mixed, "stdout", "before\n");
        output(mixed, "execute_result", png(200, 100));
        ObjectNode both = cell(nb, "System.out.println(1); System.err.println(2);");
        stream(both, "stdout", "1\n");
        stream(both, "stderr", "2\n");
        List<String> problems = NotebookChecker.checkExecuted(nb);
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("cell 2 (for (int k") && problems.get(0).contains("in pieces"),
                problems.get(0));
        assertTrue(problems.get(1).contains("wrote to stderr: 2"), problems.get(1));
    }

    @Test
    void exercisesNeedACheckCellAReferenceAnswerAndTheRightVerdicts(@TempDir Path root) throws Exception {
        ObjectNode nb = notebook();
        cell(nb, "%jars ../target/ml-foundations.jar");
        cell(nb, "double cost(double x) { return Double.NaN; }", "exercise:cost");
        ObjectNode check = cell(nb, "Check.number(\"the cost\", cost(2), 4, 1e-9, \"square it\");");
        cell(nb, "double slope = Double.NaN;", "exercise:slope");          // no check cell after it
        cell(nb, "System.out.println(slope);");
        cell(nb, "double area = Double.NaN;", "exercise:Area");           // an id that breaks the rule
        List<String> source = NotebookChecker.checkExerciseSource(stripOutputs(nb), root, "03-9-demo.ipynb");
        assertEquals(3, source.size(), source.toString());
        assertTrue(source.get(0).contains("exercise 'cost' has no reference answer at solutions/03-9-demo/cost.jsh"),
                source.get(0));
        assertTrue(source.get(1).contains("exercise 'slope' has no check cell after it"), source.get(1));
        assertTrue(source.get(2).contains("exercise id 'Area' must be lower-case"), source.get(2));

        Files.createDirectories(root.resolve("solutions/03-9-demo"));
        Files.writeString(root.resolve("solutions/03-9-demo/cost.jsh"), "double cost(double x) { return x * x; }");
        assertTrue(NotebookChecker.checkExerciseSource(stripOutputs(nb), root, "03-9-demo.ipynb").stream()
                .noneMatch(p -> p.contains("'cost'")));

        stream(check, "stdout", "Not attempted yet: the cost.\n");
        assertEquals(List.of(), NotebookChecker.checkExerciseVerdicts(nb, false));
        check.putArray("outputs");
        stream(check, "stdout", "Not yet: the cost: you have 3.0.\nHint: square it\n");
        assertEquals(1, NotebookChecker.checkExerciseVerdicts(nb, false).size());   // a hint on the placeholder run
        check.putArray("outputs");
        stream(check, "stdout", "Right: the cost.\n");
        assertEquals(1, NotebookChecker.checkExerciseVerdicts(nb, false).size());   // a placeholder that is right
    }

    @Test
    void theReferenceAnswersAreAppendedAndTheirChecksMustSayRight(@TempDir Path root) throws Exception {
        ObjectNode nb = notebook();
        cell(nb, "%jars ../target/ml-foundations.jar");
        cell(nb, "double cost(double x) { return Double.NaN; }", "exercise:cost");
        ObjectNode check = cell(nb, "Check.number(\"the cost\", cost(2), 4, 1e-9, \"square it\");");
        cell(nb, "double slope = Double.NaN;", "exercise:slope");
        cell(nb, "Check.number(\"the slope\", slope, 0.5, 1e-9, \"rise over run\");");
        Files.createDirectories(root.resolve("solutions/03-9-demo"));
        Files.writeString(root.resolve("solutions/03-9-demo/cost.jsh"), "double cost(double x) { return x * x; }");
        Files.writeString(root.resolve("solutions/03-9-demo/slope.jsh"), "double slope = 1.0 / 2;");

        ObjectNode run = NotebookChecker.withReferenceAnswers(stripOutputs(nb), root, "03-9-demo.ipynb");
        ArrayNode cells = (ArrayNode) run.get("cells");
        assertEquals(5 + 1 + 4, cells.size(), cells.toString());   // lesson, a heading, then answer and check twice
        assertEquals("double cost(double x) { return x * x; }", cells.get(6).get("source").asText());
        assertEquals(check.get("source"), cells.get(7).get("source"));
        assertEquals("double slope = 1.0 / 2;", cells.get(8).get("source").asText());
        assertEquals(List.of("cost", "slope"), List.copyOf(NotebookChecker.exercises(run).keySet()));
        assertEquals(10, cells.findValues("id").stream().map(JsonNode::asText).distinct().count()
                + cells.size() - cells.findValues("id").size());   // every id it adds is new

        assertEquals(2, NotebookChecker.checkExerciseVerdicts(run, true).size());    // not run yet: no verdicts
        stream((ObjectNode) cells.get(7), "stdout", "Right: the cost.\n");
        stream((ObjectNode) cells.get(9), "stdout", "Not yet: the slope: you have 0.4.\nHint: rise over run\n");
        List<String> solved = NotebookChecker.checkExerciseVerdicts(run, true);
        assertEquals(1, solved.size(), solved.toString());
        assertTrue(solved.get(0).startsWith("exercise 'slope', cell 10") && solved.get(0).contains("only \"Right\""),
                solved.get(0));
    }

    @Test
    void aLessonLinksTheNotationHasAnExerciseAndEndsWithSummaryQuestionsAndReading() {
        ObjectNode good = notebook();
        markdown(good, "# 09-1 Demo\n\n*Notation:* see [the notation page](NOTATION.md).");
        cell(good, "%jars ../target/ml-foundations.jar");
        cell(good, "double area = Double.NaN;", "exercise:area");
        cell(good, "Check.number(\"the area\", area, 2 * 3, 1e-9, \"width times height\");");
        cell(good, "System.out.println(GradientCheck.relativeError(a, b));");   // not a practice check
        markdown(good, "## Summary\n\n- a\n\n## Check your understanding\n\n1. Why?\n\n"
                + "<details><summary>Answers</summary>\n\n1. Because.\n</details>");
        markdown(good, "## Further reading\n\n- a book");
        assertEquals(List.of(), NotebookChecker.checkLessonShape(good));

        ObjectNode bad = notebook();
        markdown(bad, "# 09-2 Demo");                                           // no notation link
        cell(bad, "Check.number(\"x\", 1, 1, 1e-9, \"h\");");                    // a check with no exercise
        markdown(bad, "## Further reading\n\n## Summary\n\n## Check your understanding\n\n1. Why?");
        List<String> problems = NotebookChecker.checkLessonShape(bad);
        assertEquals(5, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("link the notation page"), problems.get(0));
        assertTrue(problems.get(1).contains("has no exercise"), problems.get(1));
        assertTrue(problems.get(2).startsWith("cell 2 (Check") && problems.get(2).contains("does not follow an exercise"),
                problems.get(2));
        assertTrue(problems.get(3).contains("'## Further reading' is missing or out of order"), problems.get(3));
        assertTrue(problems.get(4).contains("<details>"), problems.get(4));
    }

    static ObjectNode markdown(ObjectNode nb, String source) {
        ObjectNode c = ((ArrayNode) nb.get("cells")).addObject();
        c.put("cell_type", "markdown");
        c.putObject("metadata");
        c.putArray("source").add(source);
        return c;
    }

    static ObjectNode notebook() {
        ObjectNode nb = JSON.createObjectNode();
        ObjectNode ks = nb.putObject("metadata").putObject("kernelspec");
        ks.put("name", "java").put("display_name", "Java").put("language", "java");
        nb.putArray("cells");
        return nb;
    }

    static ObjectNode cell(ObjectNode nb, String source, String... tags) {
        ObjectNode c = ((ArrayNode) nb.get("cells")).addObject();
        c.put("cell_type", "code");
        c.putNull("execution_count");
        ArrayNode t = c.putObject("metadata").putArray("tags");
        for (String tag : tags) {
            t.add(tag);
        }
        c.put("source", source);
        c.putArray("outputs");
        return c;
    }

    static void stream(ObjectNode cell, String name, String text) {
        cell.withArray("outputs").addObject().put("output_type", "stream").put("name", name).put("text", text);
    }

    static void output(ObjectNode cell, String type, String base64Png) {
        cell.withArray("outputs").addObject().put("output_type", type).putObject("data").put("image/png", base64Png);
    }

    static String png(int w, int h) throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB), "png", buf);
        return Base64.getEncoder().encodeToString(buf.toByteArray());
    }

    static JsonNode stripOutputs(ObjectNode nb) {
        ObjectNode copy = nb.deepCopy();
        for (JsonNode c : copy.get("cells")) {
            ((ObjectNode) c).putArray("outputs");
        }
        return copy;
    }
}
