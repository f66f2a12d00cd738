package mlfoundations.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tech.tablesaw.api.Table;

class DatasetsTest {

    private static final String[] IRIS_FEATURES = {"sepal_length_cm", "sepal_width_cm", "petal_length_cm", "petal_width_cm"};

    @Test
    void irisHas150RowsAndThePublishedFeatureMeans() {
        Table iris = Datasets.table("iris.csv");
        assertEquals(150, iris.rowCount());
        assertArrayEquals(IRIS_FEATURES, Datasets.numericColumns(iris));
        SimpleMatrix x = Datasets.matrix(iris, IRIS_FEATURES);
        assertEquals(150, x.numRows());
        assertEquals(4, x.numCols());
        // Published means (UCI iris.names; PROVENANCE.md): 5.843, 3.057, 3.758, 1.199 cm.
        double[] published = {5.843, 3.057, 3.758, 1.199};
        for (int j = 0; j < 4; j++) {
            double mean = 0;
            for (int i = 0; i < 150; i++) {
                mean += x.get(i, j) / 150;
            }
            assertEquals(published[j], mean, 5e-4, IRIS_FEATURES[j]);
        }
        // The first row of Fisher's table: 5.1, 3.5, 1.4, 0.2, setosa.
        assertArrayEquals(new double[] {5.1, 3.5, 1.4, 0.2}, x.extractVector(true, 0).getDDRM().getData(), 0);
        assertEquals(5.1, Datasets.column(iris, "sepal_length_cm")[0]);
    }

    @Test
    void irisHasFiftyOfEachSpecies() {
        String[] species = Datasets.labels(Datasets.table("iris.csv"), "species");
        Map<String, Integer> counts = new TreeMap<>();
        for (String s : species) {
            counts.merge(s, 1, Integer::sum);
        }
        assertEquals(Map.of("setosa", 50, "versicolor", 50, "virginica", 50), counts);
    }

    @Test
    void otherDataSetsHaveTheirPublishedSizes() {
        assertEquals(569, Datasets.table("breast_cancer.csv").rowCount());
        assertEquals(178, Datasets.table("wine.csv").rowCount());
        Table diabetes = Datasets.table("diabetes.csv");
        assertEquals(442, diabetes.rowCount());
        assertEquals(11, Datasets.matrix(diabetes).numCols());
    }

    @Test
    void missingFileSaysWhereToRunFrom() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Datasets.table("nope.csv"));
        assertTrue(e.getMessage().startsWith(
                "data/nope.csv not found; run from the repository root or the notebooks folder"), e.getMessage());
    }

    @Test
    void missingColumnIsNamedWithTheAvailableOnes() {
        Table iris = Datasets.table("iris.csv");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Datasets.matrix(iris, "sepal_length_cm", "sepal_length"));
        assertTrue(e.getMessage().contains("no column 'sepal_length'"), e.getMessage());
        assertTrue(e.getMessage().contains("sepal_length_cm, sepal_width_cm, petal_length_cm, petal_width_cm, species"),
                e.getMessage());
    }

    @Test
    void nonNumericColumnIsNamedWithAnOffendingValue() {
        Table iris = Datasets.table("iris.csv");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Datasets.matrix(iris, "petal_width_cm", "species"));
        assertTrue(e.getMessage().contains("column 'species' is not numeric"), e.getMessage());
        assertTrue(e.getMessage().contains("row 0 holds 'setosa'"), e.getMessage());
    }

    @Test
    void mixedColumnNamesTheRowWithText(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("mixed.csv");
        Files.writeString(file, "a,b\n1,2\n3,oops\n5,6\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Datasets.column(Datasets.read(file), "b"));
        assertTrue(e.getMessage().contains("column 'b'") && e.getMessage().contains("row 1 holds 'oops'"),
                e.getMessage());
    }

    @Test
    void missingValueIsNamedByColumnAndRow(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("gaps.csv");
        Files.writeString(file, "x,y\n1.5,2\n2.5,\n3.5,4\n");
        Table t = Datasets.read(file);
        assertArrayEquals(new double[] {1.5, 2.5, 3.5}, Datasets.column(t, "x"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Datasets.matrix(t));
        assertTrue(e.getMessage().contains("column 'y' has a missing value in row 1"), e.getMessage());
    }
}
