package mlfoundations.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;

/**
 * The one arrow of the course's charts: a shaft and a head swept back {@link #HEAD_ANGLE} from it. The head's geometry
 * ({@link #barbs}) is shared by the arrows drawn in pixels ({@link Arrows}, the legends, the gradient arrows of
 * {@link Surface}) and those drawn in data units ({@link EqualAxesPlot}).
 */
final class ArrowShape {

    /** Arrowheads are swept back 25 degrees from the shaft on every chart. */
    static final double HEAD_ANGLE = Math.toRadians(25);

    private ArrowShape() {
    }

    /**
     * {x_left, y_left, x_right, y_right}: the barb ends, at {@code tip - head (cos(a) u +- sin(a) u_perp)} with u the
     * unit vector from tail to tip and u_perp = (-u_y, u_x). The caller makes sure the tail and tip differ.
     */
    static double[] barbs(double x0, double y0, double x1, double y1, double head, double halfAngle) {
        double length = Math.hypot(x1 - x0, y1 - y0);
        double ux = (x1 - x0) / length;
        double uy = (y1 - y0) / length;
        double back = Math.cos(halfAngle) * head;
        double side = Math.sin(halfAngle) * head;
        double bx = x1 - back * ux;
        double by = y1 - back * uy;
        return new double[] {bx - side * uy, by + side * ux, bx + side * uy, by - side * ux};
    }

    /**
     * An arrow from pixel (x0, y0) to (x1, y1): a shaft of the given width, solid or dashed, and a filled head at most
     * {@code maxHead} pixels long (shorter on short arrows). One too short to have a direction is drawn as a dot.
     */
    static void draw(Graphics2D g, double x0, double y0, double x1, double y1, Color c, float width, double maxHead, boolean dashed) {
        double length = Math.hypot(x1 - x0, y1 - y0);
        g.setColor(c);
        if (length < 1.5) {
            g.fill(new Ellipse2D.Double(x0 - width - 1, y0 - width - 1, 2 * width + 2, 2 * width + 2));
            return;
        }
        double head = Math.min(maxHead, 0.4 * length);
        double[] b = barbs(x0, y0, x1, y1, head, HEAD_ANGLE);
        // The shaft stops where the head begins, so a wide shaft does not poke out of the point.
        double back = Math.cos(HEAD_ANGLE) * head;
        double ex = x1 - back * (x1 - x0) / length;
        double ey = y1 - back * (y1 - y0) / length;
        Stroke shaft = dashed
                ? new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {7f, 5f}, 0f)
                : new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER);
        g.setStroke(shaft);
        g.draw(new Line2D.Double(x0, y0, ex, ey));
        Path2D.Double tip = new Path2D.Double();
        tip.moveTo(x1, y1);
        tip.lineTo(b[0], b[1]);
        tip.lineTo(b[2], b[3]);
        tip.closePath();
        g.setStroke(new BasicStroke(1f));
        g.fill(tip);
        g.draw(tip);
    }

    /** A small white arrow with a dark halo, readable on every colour of a map ({@code plt.quiver}). */
    static void quiver(Graphics2D g, double x0, double y0, double x1, double y1) {
        draw(g, x0, y0, x1, y1, new Color(0, 0, 0, 150), 3.2f, 8, false);
        draw(g, x0, y0, x1, y1, Color.WHITE, 1.4f, 7, false);
    }

}
