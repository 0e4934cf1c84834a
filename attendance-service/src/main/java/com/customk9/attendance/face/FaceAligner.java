package com.customk9.attendance.face;

import org.opencv.calib3d.Calib3d;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.dnn.Dnn;
import org.opencv.dnn.Net;
import org.opencv.imgproc.Imgproc;

/**
 * Landmark alignment for detectors without landmarks: the 68-point landmark network ({@code fr_landmark.onnx},
 * a 64x64 grey crop of the face box scaled to 0..1, points answered relative to the crop) gives eye centres,
 * nose tip and mouth corners; {@link #warp}, a similarity transform (rotation, uniform scale, shift:
 * {@code estimateAffinePartial2D}), maps five points onto the standard 112x112 five-point reference of
 * ArcFace-style embedders. Not thread-safe: one per thread.
 */
public final class FaceAligner {

    public static final int SIZE = 112;
    private static final Size CROP = new Size(64, 64);
    private static final MatOfPoint2f REFERENCE = new MatOfPoint2f(
            new Point(38.2946, 51.6963), new Point(73.5318, 51.5014), new Point(56.0252, 71.7366),
            new Point(41.5493, 92.3655), new Point(70.7299, 92.2041));

    private final Net net;

    public FaceAligner(String modelPath) {
        this.net = Dnn.readNetFromONNX(modelPath);
    }

    /** The five points (left eye, right eye, nose, left and right mouth corner) in image pixels. */
    public Point[] fivePoints(Mat bgr, FaceBox face) {
        Rect box = face.rect();
        Mat crop = new Mat(bgr, box);
        Mat grey = new Mat();
        Imgproc.cvtColor(crop, grey, Imgproc.COLOR_BGR2GRAY);
        Mat blob = Dnn.blobFromImage(grey, 1 / 256.0, CROP, new Scalar(0), false, false);
        net.setInput(blob);
        Mat output = net.forward();
        float[] p = new float[(int) output.total()];
        output.reshape(1, 1).get(0, 0, p);
        crop.release();
        grey.release();
        blob.release();
        output.release();
        double w = box.width;
        double h = box.height;
        java.util.function.IntFunction<Point> at = i -> new Point(box.x + p[i * 2] * w, box.y + p[i * 2 + 1] * h);
        return new Point[] {
                mean(at.apply(37), at.apply(38), at.apply(40), at.apply(41)),
                mean(at.apply(43), at.apply(44), at.apply(46), at.apply(47)),
                at.apply(30),
                mean(at.apply(48), at.apply(60)),
                mean(at.apply(54), at.apply(64)) };
    }

    /**
     * The face warped onto the 112x112 five-point reference (BGR), or null when the points are degenerate:
     * what ArcFace-style embedders expect.
     */
    public static Mat warp(Mat bgr, Point[] fivePoints) {
        MatOfPoint2f points = new MatOfPoint2f(fivePoints);
        Mat transform = Calib3d.estimateAffinePartial2D(points, REFERENCE);
        points.release();
        if (transform.empty()) {
            return null;
        }
        Mat aligned = new Mat();
        Imgproc.warpAffine(bgr, aligned, transform, new Size(SIZE, SIZE), Imgproc.INTER_LINEAR);
        transform.release();
        return aligned;
    }

    private static Point mean(Point... points) {
        double x = 0;
        double y = 0;
        for (Point point : points) {
            x += point.x;
            y += point.y;
        }
        return new Point(x / points.length, y / points.length);
    }
}
