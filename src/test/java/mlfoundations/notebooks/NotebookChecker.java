package mlfoundations.notebooks;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;

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
            for (JsonNode out : cell.path("outputs")) {
                String type = out.path("output_type").asText();
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
