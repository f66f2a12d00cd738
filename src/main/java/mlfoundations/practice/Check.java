package mlfoundations.practice;

/**
 * Self-checks for the practice cells at the end of each lesson. Each check compares the student's answer with the
 * library's own answer (or a known value) and prints a plain verdict, with a hint when it is wrong. The methods
 * return nothing, so a check can end a notebook cell without leaving a stray value under it.
 */
public final class Check {

    private Check() {
    }

    /** Compares a number with the expected one, within an absolute-or-relative tolerance {@code tol}. */
    public static void number(String what, double answer, double expected, double tol, String hint) {
        if (Double.isNaN(expected)) {
            throw new IllegalArgumentException("the expected value for '" + what + "' is NaN: the lesson's reference"
                    + " answer is missing or broken, so this check cannot judge an answer");
        }
        if (Double.isNaN(answer)) {
            report(what, "no answer yet (the value is NaN)", hint);
        } else if (!close(answer, expected, tol)) {
            report(what, "you have " + answer + ", which is not within " + tol + " of the expected value", hint);
        } else {
            report(what, null, hint);
        }
    }

    /** Compares two arrays element by element within {@code tol}, naming the first element that differs. */
    public static void vector(String what, double[] answer, double[] expected, double tol, String hint) {
        if (expected == null) {
            throw new IllegalArgumentException("the expected array for '" + what + "' is null: the lesson's reference"
                    + " answer is missing, so this check cannot judge an answer");
        }
        if (answer == null) {
            report(what, "no answer yet (the array is null)", hint);
            return;
        }
        if (answer.length != expected.length) {
            report(what, "your array has " + answer.length + " elements, the expected one has " + expected.length,
                    hint);
            return;
        }
        for (int i = 0; i < answer.length; i++) {
            if (!close(answer[i], expected[i], tol)) {
                report(what, "element " + i + " is " + answer[i] + ", which is not within " + tol
                        + " of the expected value", hint);
                return;
            }
        }
        report(what, null, hint);
    }

    /** Reports a yes/no condition the cell has computed (for answers that are not a single number). */
    public static void that(String what, boolean ok, String hint) {
        report(what, ok ? null : "not yet", hint);
    }

    /** True when |a - b| <= tol * max(1, |b|): absolute near zero, relative for large values. */
    public static boolean close(double a, double b, double tol) {
        if (!(tol >= 0)) {
            throw new IllegalArgumentException("tolerance must be >= 0, got " + tol);
        }
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return false;
        }
        if (a == b) {
            return true;
        }
        return Math.abs(a - b) <= tol * Math.max(1.0, Math.abs(b));
    }

    /** Prints "Right" when {@code problem} is null, otherwise "Not yet", the problem and the hint. */
    private static void report(String what, String problem, String hint) {
        if (problem == null) {
            System.out.println("Right: " + what + ".");
            return;
        }
        System.out.println("Not yet: " + what + ": " + problem + ".");
        if (hint != null && !hint.isBlank()) {
            System.out.println("Hint: " + hint);
        }
    }
}
