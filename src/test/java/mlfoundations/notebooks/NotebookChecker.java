package mlfoundations.notebooks;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The rules every lesson notebook must keep, checked on the committed source and on the copy the Jupyter client
 * executed. Each problem names the notebook's cell (1-based, counting all cells) and its first line.
 */
final class NotebookChecker {

    /** The one magic the lessons may use, in the first code cell: one relative path to one jar. */
    static final Pattern JARS = Pattern.compile("^%jars\\s+(\\S+\\.jar)\\s*$");
    /** Values a cell should never leave behind: Object.toString() such as java.io.PrintStream@1a2b3c. */
    static final Pattern OBJECT_ID = Pattern.compile("^[\\w.$]+@[0-9a-f]{3,}$");
    /** The id a kernel prints when display(...) is a cell's last expression. */
    static final Pattern DISPLAY_ID = Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
    static final Pattern ANSI = Pattern.compile("\u001b\\[[0-9;]*m");
    /** The cell tag by which a lesson promises that a cell draws a plot. */
    static final String PLOT_TAG = "plot";

    private NotebookChecker() {
    }

    /** Problems with a committed notebook: metadata, the %jars cell, portability, and any saved output. */
    static List<String> checkSource(JsonNode nb, Path notebookDir) {
        List<String> problems = new ArrayList<>();
        String kernel = nb.path("metadata").path("kernelspec").path("name").asText("");
        if (!kernel.equals("java")) {
            problems.add("notebook metadata kernelspec.name must be \"java\", found \"" + kernel + "\"");
        }
        String language = nb.path("metadata").path("kernelspec").path("language").asText("");
        if (!language.equals("java")) {
            problems.add("notebook metadata kernelspec.language must be \"java\", found \"" + language + "\"");
        }
        JsonNode cells = nb.path("cells");
        boolean firstCode = true;
        for (int i = 0; i < cells.size(); i++) {
            JsonNode cell = cells.get(i);
            if (!cell.path("cell_type").asText().equals("code")) {
                continue;
            }
            String where = where(i, cell);
            String src = source(cell);
            if (cell.path("outputs").size() > 0) {
                problems.add(where + ": the committed notebook holds outputs; clear them before committing");
            }
            if (!cell.path("execution_count").isNull() && !cell.path("execution_count").isMissingNode()) {
                problems.add(where + ": the committed notebook holds an execution count; clear outputs before committing");
            }
            if (firstCode) {
                firstCode = false;
                Matcher m = JARS.matcher(src.strip());
                if (!m.matches()) {
                    problems.add(where + ": the first code cell must be exactly `%jars <relative path to the one jar>`");
                } else if (Path.of(m.group(1)).isAbsolute()) {
                    problems.add(where + ": %jars must use a path relative to the notebook's folder, not " + m.group(1));
                } else if (notebookDir != null && !Files.exists(notebookDir.resolve(m.group(1)))) {
                    problems.add(where + ": %jars points to " + m.group(1) + ", which does not exist; build it with "
                            + "./course setup");
                }
                continue;
            }
            for (String line : src.split("\n")) {
                String t = line.strip();
                if (t.startsWith("%") || t.startsWith("!")) {
                    problems.add(where + ": kernel-specific magic `" + t + "`; lessons use only %jars in the first "
                            + "code cell so they run on every Java kernel");
                }
            }
        }
        if (firstCode) {
            problems.add("the notebook has no code cell");
        }
        return problems;
    }

    /** Problems with an executed notebook: errors, stderr, stray values, and plots promised but not drawn. */
    static List<String> checkExecuted(JsonNode nb) {
        List<String> problems = new ArrayList<>();
        JsonNode cells = nb.path("cells");
        for (int i = 0; i < cells.size(); i++) {
            JsonNode cell = cells.get(i);
            if (!cell.path("cell_type").asText().equals("code")) {
                continue;
            }
            String where = where(i, cell);
            int images = 0;
            String previousStream = null;
            for (JsonNode out : cell.path("outputs")) {
                String type = out.path("output_type").asText();
                String stream = type.equals("stream") ? out.path("name").asText() : null;
                if (stream != null && stream.equals(previousStream)) {
                    problems.add(where + ": its printed text arrives in pieces (two " + stream + " outputs in a row), "
                            + "so an exported page shows each piece as its own block; the course's kernel sends a "
                            + "cell's text whole (kernel/MlFoundationsKernel.java): is it the kernel `java` runs?");
                }
                previousStream = stream;
                if (type.equals("error")) {
                    problems.add(where + ": error " + out.path("ename").asText() + ": " + out.path("evalue").asText()
                            + "\n" + clean(text(out.path("traceback"))));
                } else if (type.equals("stream") && out.path("name").asText().equals("stderr")) {
                    problems.add(where + ": wrote to stderr: " + clean(text(out.path("text"))).strip());
                }
                JsonNode data = out.path("data");
                if (data.has("image/png")) {
                    images++;
                    String problem = checkPng(data.path("image/png").asText());
                    if (problem != null) {
                        problems.add(where + ": " + problem);
                    }
                }
                if (type.equals("execute_result") && !data.has("image/png")) {
                    for (String mime : new String[] {"text/plain", "text/html"}) {
                        String value = clean(text(data.path(mime))).strip();
                        if (OBJECT_ID.matcher(value).matches() || DISPLAY_ID.matcher(value).matches()) {
                            problems.add(where + ": leaves a stray value `" + value + "` under the cell; end the cell "
                                    + "with a statement (e.g. println) or with the image itself");
                            break;
                        }
                    }
                }
            }
            boolean promised = tags(cell).contains(PLOT_TAG);
            if (promised && images == 0) {
                problems.add(where + ": is tagged \"plot\" but shows no image; end the cell with the chart's "
                        + "BufferedImage (no trailing semicolon)");
            }
            if (!promised && images > 0) {
                problems.add(where + ": shows an image but is not tagged \"plot\"; tag it so the suite checks it");
            }
        }
        return problems;
    }

    /** The tag of a practice cell where the student writes an answer: {@code exercise:<id>}. */
    static final String EXERCISE_TAG = "exercise:";
    static final Pattern EXERCISE_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** Index of each exercise cell by its id, in notebook order. */
    static Map<String, Integer> exercises(JsonNode nb) {
        Map<String, Integer> ids = new LinkedHashMap<>();
        JsonNode cells = nb.path("cells");
        for (int i = 0; i < cells.size(); i++) {
            for (String t : tags(cells.get(i))) {
                if (t.startsWith(EXERCISE_TAG)) {
                    ids.putIfAbsent(t.substring(EXERCISE_TAG.length()), i);
                }
            }
        }
        return ids;
    }

    /** Where the reference answer of an exercise lives: solutions/&lt;notebook file name without .ipynb&gt;/&lt;id&gt;.jsh. */
    static Path solutionFile(Path root, String notebookName, String id) {
        return root.resolve("solutions").resolve(notebookName.replaceFirst("\\.ipynb$", "")).resolve(id + ".jsh");
    }

    /** Problems with how a notebook declares its exercises: tags, ids, a check cell after each, a solution file. */
    static List<String> checkExerciseSource(JsonNode nb, Path root, String notebookName) {
        List<String> problems = new ArrayList<>();
        JsonNode cells = nb.path("cells");
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            JsonNode cell = cells.get(i);
            for (String t : tags(cell)) {
                if (!t.startsWith(EXERCISE_TAG)) {
                    continue;
                }
                String id = t.substring(EXERCISE_TAG.length());
                String where = where(i, cell);
                if (!cell.path("cell_type").asText().equals("code")) {
                    problems.add(where + ": tagged " + t + " but is not a code cell");
                } else if (!EXERCISE_ID.matcher(id).matches()) {
                    problems.add(where + ": exercise id '" + id + "' must be lower-case words joined by '-'");
                } else if (seen.contains(id)) {
                    problems.add(where + ": exercise id '" + id + "' is used twice");
                } else if (checkCellAfter(cells, i) < 0) {
                    problems.add(where + ": exercise '" + id + "' has no check cell after it (a code cell calling "
                            + "Check.number or Check.vector)");
                } else if (!Files.isRegularFile(solutionFile(root, notebookName, id))) {
                    problems.add(where + ": exercise '" + id + "' has no reference answer at "
                            + root.relativize(solutionFile(root, notebookName, id)));
                }
                seen.add(id);
            }
        }
        return problems;
    }

    /** A call of practice.Check (not GradientCheck.relativeError and the like). */
    static final Pattern CALLS_CHECK = Pattern.compile("(?<![\\w.])Check\\.");

    /** The headings every lesson ends with (CONVENTIONS "A lesson notebook"), in this order. */
    static final List<String> CLOSING_HEADINGS = List.of("## Summary", "## Check your understanding", "## Further reading");

    /**
     * Problems with a lesson's shape (CONVENTIONS "A lesson notebook"): the opening cell links the notation page, the
     * lesson has at least one exercise, every check belongs to an exercise (a check run on nothing would print its
     * verdict, or a hint, on the first top-to-bottom run), and it ends with a summary, questions with their answers
     * folded away, and further reading.
     */
    static List<String> checkLessonShape(JsonNode nb) {
        List<String> problems = new ArrayList<>();
        JsonNode cells = nb.path("cells");
        if (cells.size() == 0 || !cells.get(0).path("cell_type").asText().equals("markdown")
                || !source(cells.get(0)).contains("NOTATION.md")) {
            problems.add("the opening markdown cell must link the notation page (NOTATION.md)");
        }
        Map<String, Integer> exercises = exercises(nb);
        if (exercises.isEmpty()) {
            problems.add("the lesson has no exercise (a code cell tagged exercise:<id> followed by its check)");
        }
        List<Integer> checkCells = new ArrayList<>();
        for (int index : exercises.values()) {
            checkCells.add(checkCellAfter(cells, index));
        }
        StringBuilder markdown = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            JsonNode cell = cells.get(i);
            String text = source(cell);
            if (cell.path("cell_type").asText().equals("markdown")) {
                markdown.append(text).append('\n');
            } else if (CALLS_CHECK.matcher(text).find() && !checkCells.contains(i)) {
                problems.add(where(i, cell) + ": calls Check but does not follow an exercise cell; tag the cell "
                        + "where the student answers exercise:<id> and put the check right after it");
            }
        }
        int from = 0;
        for (String heading : CLOSING_HEADINGS) {
            Matcher m = Pattern.compile("(?m)^" + Pattern.quote(heading) + "\\s*$").matcher(markdown);
            if (!m.find(from)) {
                problems.add("the lesson must end with the sections " + String.join(", ", CLOSING_HEADINGS)
                        + " in this order; '" + heading + "' is missing or out of order");
                break;
            }
            from = m.end();
        }
        int questions = markdown.indexOf("## Check your understanding");
        if (questions >= 0 && markdown.indexOf("<details>", questions) < 0) {
            problems.add("'## Check your understanding' needs its answers in a <details> block after the questions");
        }
        return problems;
    }

    /** The next code cell after {@code index} if it calls a check, else -1. */
    static int checkCellAfter(JsonNode cells, int index) {
        for (int j = index + 1; j < cells.size(); j++) {
            if (cells.get(j).path("cell_type").asText().equals("code")) {
                return CALLS_CHECK.matcher(source(cells.get(j))).find() ? j : -1;
            }
        }
        return -1;
    }

    /** Metadata key of the cells the suite appends to a lesson: the exercise id they answer. */
    static final String REFERENCE_KEY = "course_reference_answer";

    /**
     * The lesson as the suite runs it: unchanged, then a marked section that, for each exercise in order, runs its
     * reference answer (solutions/...) and then a copy of its check cell again. One kernel run checks both verdicts:
     * the original checks see the placeholders, the copies the reference answers. The appended cells carry no
     * exercise tag, so {@link #exercises} still finds only the lesson's own.
     */
    static ObjectNode withReferenceAnswers(JsonNode source, Path root, String notebookName) throws IOException {
        ObjectNode nb = source.deepCopy();
        ArrayNode cells = (ArrayNode) nb.withArray("cells");
        JsonNode original = source.path("cells");
        Map<String, Integer> ids = exercises(source);
        if (ids.isEmpty()) {
            return nb;
        }
        ObjectNode heading = cells.addObject();
        heading.put("cell_type", "markdown").put("id", "course-reference-answers");
        heading.putObject("metadata").put(REFERENCE_KEY, "");
        heading.put("source", "## Reference answers (appended by the notebook suite; not part of the lesson)");
        for (Map.Entry<String, Integer> e : ids.entrySet()) {
            int check = checkCellAfter(original, e.getValue());
            Path file = solutionFile(root, notebookName, e.getKey());
            if (check < 0 || !Files.isRegularFile(file)) {
                continue;   // reported by checkExerciseSource
            }
            ObjectNode answer = cells.addObject();
            answer.put("cell_type", "code").put("id", "course-reference-" + e.getKey()).putNull("execution_count");
            answer.putObject("metadata").put(REFERENCE_KEY, e.getKey()).put("role", "answer");
            answer.putArray("outputs");
            answer.put("source", Files.readString(file));
            ObjectNode again = cells.addObject();
            again.put("cell_type", "code").put("id", "course-reference-" + e.getKey() + "-check")
                    .putNull("execution_count");
            again.putObject("metadata").put(REFERENCE_KEY, e.getKey()).put("role", "check");
            again.putArray("outputs");
            again.set("source", original.get(check).path("source").deepCopy());
        }
        return nb;
    }

    /**
     * Problems with the verdicts of an executed lesson's exercise checks. With {@code solved} false: each of the
     * lesson's own checks, run on the placeholder, must say "Not attempted yet" and give no hint. With {@code solved}
     * true: each check run again after the reference answer (the cells {@link #withReferenceAnswers} appends) must
     * say "Right" and nothing else.
     */
    static List<String> checkExerciseVerdicts(JsonNode nb, boolean solved) {
        List<String> problems = new ArrayList<>();
        JsonNode cells = nb.path("cells");
        for (Map.Entry<String, Integer> e : exercises(nb).entrySet()) {
            int check = solved ? referenceCheckCell(cells, e.getKey()) : checkCellAfter(cells, e.getValue());
            if (check < 0) {
                if (solved) {
                    problems.add("exercise '" + e.getKey() + "': its check was not run again with the reference "
                            + "answer (no reference answer, or no check cell after the exercise)");
                }
                continue;   // otherwise reported by checkExerciseSource
            }
            StringBuilder printed = new StringBuilder();
            for (JsonNode out : cells.get(check).path("outputs")) {
                if (out.path("output_type").asText().equals("stream")) {
                    printed.append(text(out.path("text")));
                }
            }
            String text = printed.toString();
            String where = "exercise '" + e.getKey() + "', " + where(check, cells.get(check));
            if (solved) {
                if (!text.contains("Right:") || text.contains("Not yet") || text.contains("Not attempted")) {
                    problems.add(where + ": with the reference answer in place the check must say only \"Right\"; "
                            + "it printed: " + text.strip());
                }
            } else if (!text.contains("Not attempted yet") || text.contains("Hint:") || text.contains("Right:")) {
                problems.add(where + ": with the placeholder in place the check must say \"Not attempted yet\" and "
                        + "give no hint; it printed: " + text.strip());
            }
        }
        return problems;
    }

    /** Index of the check cell run again after exercise {@code id}'s reference answer, or -1. */
    static int referenceCheckCell(JsonNode cells, String id) {
        for (int i = 0; i < cells.size(); i++) {
            JsonNode meta = cells.get(i).path("metadata");
            if (id.equals(meta.path(REFERENCE_KEY).asText(null)) && meta.path("role").asText().equals("check")) {
                return i;
            }
        }
        return -1;
    }

    /** How many cells promise a plot. */
    static int plotCells(JsonNode nb) {
        int n = 0;
        for (JsonNode cell : nb.path("cells")) {
            if (tags(cell).contains(PLOT_TAG)) {
                n++;
            }
        }
        return n;
    }

    static String checkPng(String base64) {
        try {
            byte[] bytes = Base64.getMimeDecoder().decode(base64);
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes));
            if (img == null) {
                return "an image output is not a readable PNG";
            }
            if (img.getWidth() < 50 || img.getHeight() < 50) {
                return "an image output is only " + img.getWidth() + "x" + img.getHeight() + " pixels";
            }
            return null;
        } catch (IllegalArgumentException | IOException e) {
            return "an image output cannot be decoded: " + e.getMessage();
        }
    }

    static List<String> tags(JsonNode cell) {
        List<String> tags = new ArrayList<>();
        for (JsonNode t : cell.path("metadata").path("tags")) {
            tags.add(t.asText());
        }
        return tags;
    }

    static String source(JsonNode cell) {
        return text(cell.path("source"));
    }

    /** nbformat stores text either as one string or as a list of lines. */
    static String text(JsonNode node) {
        if (node.isArray()) {
            StringBuilder sb = new StringBuilder();
            for (JsonNode line : node) {
                sb.append(line.asText());
                if (!line.asText().endsWith("\n")) {
                    sb.append('\n');
                }
            }
            return sb.toString();
        }
        return node.asText("");
    }

    static String clean(String s) {
        return ANSI.matcher(s).replaceAll("");
    }

    static String where(int index, JsonNode cell) {
        String first = source(cell).strip().split("\n", 2)[0];
        if (first.length() > 60) {
            first = first.substring(0, 57) + "...";
        }
        return "cell " + (index + 1) + " (" + first + ")";
    }
}
