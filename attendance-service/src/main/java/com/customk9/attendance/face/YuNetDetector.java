package com.customk9.attendance.face;

import java.util.ArrayList;
import java.util.List;

import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.opencv.objdetect.FaceDetectorYN;

/**
 * OpenCV's YuNet detector ({@code face_detection_yunet_2023mar.onnx}; OpenCV 4.8 reads only that version)
 * through {@link FaceDetectorYN}: boxes with five landmarks and a score, NMS done by OpenCV. Frames larger
 * than {@value #MAX_SIDE} pixels on their long side are scaled down for detection (YuNet's cost grows with the
 * pixels) and the boxes scaled back. Not thread-safe: one per thread.
 */
public final class YuNetDetector implements FaceDetector {

    static final int MAX_SIDE = 640;
    private static final float NMS_IOU = 0.3f;
    private static final int TOP_K = 5_000;

    private final FaceDetectorYN detector;

    public YuNetDetector(String modelPath, float threshold) {
        this.detector = FaceDetectorYN.create(modelPath, "", new Size(320, 320), threshold, NMS_IOU, TOP_K);
    }

    @Override
    public List<FaceBox> detect(Mat bgr) {
        double scale = Math.min(1.0, MAX_SIDE / (double) Math.max(bgr.cols(), bgr.rows()));
        Mat input = bgr;
        if (scale < 1.0) {
            input = new Mat();
            Imgproc.resize(bgr, input, new Size(Math.round(bgr.cols() * scale), Math.round(bgr.rows() * scale)), 0, 0,
                    Imgproc.INTER_AREA);
        }
        detector.setInputSize(new Size(input.cols(), input.rows()));
        Mat found = new Mat();
        detector.detect(input, found);
        if (input != bgr) {
            input.release();
        }
        List<FaceBox> faces = new ArrayList<>(found.rows());
        float[] row = new float[15];
        for (int i = 0; i < found.rows(); i++) {
            found.get(i, 0, row);
            FaceBox face = toBox(row, 1 / scale, bgr.cols(), bgr.rows());
            if (face != null) {
                faces.add(face);
            }
        }
        found.release();
        faces.sort((a, b) -> Float.compare(b.score(), a.score()));
        return faces;
    }

    /** One row of YuNet's answer (x, y, w, h, five points, score) in frame pixels, clipped; null when empty. */
    static FaceBox toBox(float[] row, double scale, int width, int height) {
        int x1 = (int) Math.round(Math.max(0, row[0] * scale));
        int y1 = (int) Math.round(Math.max(0, row[1] * scale));
        int x2 = (int) Math.round(Math.min(width, (row[0] + row[2]) * scale));
        int y2 = (int) Math.round(Math.min(height, (row[1] + row[3]) * scale));
        if (x2 - x1 < 2 || y2 - y1 < 2) {
            return null;
        }
        Point[] landmarks = new Point[5];
        for (int i = 0; i < 5; i++) {
            landmarks[i] = new Point(row[4 + i * 2] * scale, row[5 + i * 2] * scale);
        }
        return new FaceBox(x1, y1, x2 - x1, y2 - y1, Math.min(1f, row[14]), landmarks);
    }
}
