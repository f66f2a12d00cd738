package mlfoundations.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.ejml.simple.SimpleMatrix;

import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * The course's CSV data sets (in the repository's {@code data/} folder) loaded with Tablesaw, and turned into
 * what the maths needs: an EJML matrix with one sample per row ({@code m x n}), a numeric column as an array, or a
 * label column as strings. {@code Datasets.table("iris.csv")} is {@code pd.read_csv("data/iris.csv")}.
 *
 * <p>A lesson runs with the notebooks folder as its working directory, the tests with the repository root, so a
 * file is looked for in {@code data/NAME} and then {@code ../data/NAME}. Problems with a file, a column or a value
 * throw {@link IllegalArgumentException} naming the file, column and row.
 */
public final class Datasets {

    private Datasets() {
    }

    /** Where {@code data/NAME} is, from the repository root or from the notebooks folder. */
    public static Path find(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a data set needs a file name, such as \"iris.csv\"");
        }
        for (Path candidate : new Path[] {Path.of("data", name), Path.of("..", "data", name)}) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("data/" + name + " not found; run from the repository root or the "
                + "notebooks folder (working directory now: " + Path.of("").toAbsolutePath() + ")");
    }

    /** The CSV file {@code data/NAME} as a Tablesaw table ({@code pd.read_csv("data/NAME")}). */
    public static Table table(String name) {
        return read(find(name));
    }

    /** Any CSV file with a header row as a Tablesaw table ({@code pd.read_csv(path)}). */
    public static Table read(Path file) {
        if (file == null) {
            throw new IllegalArgumentException("the file path is null");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + " not found (working directory: "
                    + Path.of("").toAbsolutePath() + ")");
        }
        try {
            return Table.read().csv(CsvReadOptions.builder(file.toFile()).header(true).build());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("could not read " + file + " as CSV: " + e.getMessage(), e);
        }
    }

    /** The names of the table's numeric columns, in order (the features of our data sets). */
    public static String[] numericColumns(Table table) {
        requireTable(table);
        List<String> names = new ArrayList<>();
        for (Column<?> c : table.columns()) {
            if (c instanceof NumericColumn<?>) {
                names.add(c.name());
            }
        }
        return names.toArray(new String[0]);
    }

    /**
     * The given columns as an {@code m x n} matrix, one sample per row, one column per name
     * ({@code df[columns].to_numpy()}). With no names, all numeric columns. Every value must be a number.
     */
    public static SimpleMatrix matrix(Table table, String... columns) {
        requireTable(table);
        String[] names = columns == null || columns.length == 0 ? numericColumns(table) : columns;
        if (names.length == 0) {
            throw new IllegalArgumentException("table '" + table.name() + "' has no numeric columns; columns: "
                    + table.columnNames());
        }
        int m = table.rowCount();
        if (m == 0) {
            throw new IllegalArgumentException("table '" + table.name() + "' has no rows");
        }
        SimpleMatrix x = new SimpleMatrix(m, names.length);
        for (int j = 0; j < names.length; j++) {
            double[] values = column(table, names[j]);
            for (int i = 0; i < m; i++) {
                x.set(i, j, values[i]);
            }
        }
        return x;
    }

    /** A numeric column as an array ({@code df[name].to_numpy()}); names the row of any missing value. */
    public static double[] column(Table table, String name) {
        Column<?> c = requireColumn(table, name);
        if (!(c instanceof NumericColumn<?> numbers)) {
            throw new IllegalArgumentException("column '" + name + "' is not numeric (Tablesaw read it as "
                    + c.type().name() + ")" + firstText(c) + "; numeric columns: "
                    + String.join(", ", numericColumns(table)));
        }
        double[] out = new double[numbers.size()];
        for (int i = 0; i < out.length; i++) {
            if (numbers.isMissing(i)) {
                throw new IllegalArgumentException("column '" + name + "' has a missing value in row " + i
                        + " (counting data rows from 0); fill or drop it first");
            }
            out[i] = numbers.getDouble(i);
            if (!Double.isFinite(out[i])) {
                throw new IllegalArgumentException("column '" + name + "' holds " + out[i] + " in row " + i);
            }
        }
        return out;
    }

    /** A column's values as text, for class labels such as iris species ({@code df[name].to_numpy()}). */
    public static String[] labels(Table table, String name) {
        Column<?> c = requireColumn(table, name);
        String[] out = new String[c.size()];
        for (int i = 0; i < out.length; i++) {
            if (c.isMissing(i)) {
                throw new IllegalArgumentException("column '" + name + "' has a missing label in row " + i
                        + " (counting data rows from 0)");
            }
            out[i] = c.getString(i);
        }
        return out;
    }

    /** For a text column: the first value that is not a number, to show the reader what is in the way. */
    private static String firstText(Column<?> c) {
        if (c.type() != ColumnType.STRING) {
            return "";
        }
        for (int i = 0; i < c.size(); i++) {
            String s = c.getString(i);
            if (c.isMissing(i)) {
                continue;
            }
            try {
                Double.parseDouble(s);
            } catch (NumberFormatException e) {
                return ": row " + i + " holds '" + s + "'";
            }
        }
        return "";
    }

    private static Column<?> requireColumn(Table table, String name) {
        requireTable(table);
        if (name == null || !table.columnNames().contains(name)) {
            throw new IllegalArgumentException("table '" + table.name() + "' has no column '" + name
                    + "'; its columns are: " + String.join(", ", table.columnNames()));
        }
        return table.column(name);
    }

    private static void requireTable(Table table) {
        if (table == null) {
            throw new IllegalArgumentException("the table is null");
        }
    }
}
