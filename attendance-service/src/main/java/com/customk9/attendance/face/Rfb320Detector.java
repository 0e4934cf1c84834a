package com.customk9.attendance.face;

import java.util.ArrayList;
import java.util.List;

import org.opencv.core.Mat;
import org.opencv.core.MatOfFloat;
import org.opencv.core.MatOfInt;
import org.opencv.core.MatOfRect2d;
import org.opencv.core.Rect2d;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.dnn.Dnn;
import org.opencv.dnn.Net;

/**
 * The default DNN face detector ({@code fr_detect.onnx}: an RFB-320 single-shot detector), without landmarks
 * (the {@link FaceAligner} finds them). The frame is resized
 * to 320x240, turned RGB and scaled to (x - 127) / 128; the network answers, for each of its 4,420
 * anchors, a face score and a box already decoded to corners in 0..1. Boxes above the score threshold
 * go through non-maximum suppression (IoU 0.4). Not thread-safe: one per thread.
 */
public final class Rfb320Detector implements FaceDetector {

    private static final Size INPUT = new Size(320, 240);
    private static final Scalar MEAN = new Scalar(127, 127, 127);
    private static final float NMS_IOU = 0.4f;

    private final Net net;
    private final float threshold;
    private final List<String> outputs;

    public Rfb320Detector(String modelPath, float threshold) {
        this.net = Dnn.readNetFromONNX(modelPath);
        this.threshold = threshold;
        this.outputs = List.of("boxes", "scores");
    }

    @Override
    public List<FaceBox> detect(Mat bgr) {
        Mat blob = Dnn.blobFromImage(bgr, 1 / 128.0, INPUT, MEAN, true, false);
        net.setInput(blob);
        List<Mat> results = new ArrayList<>(2);
        net.forward(results, outputs);
        blob.release();
        Mat boxes = results.get(0).reshape(1, (int) (results.get(0).total() / 4));
        Mat scores = results.get(1).reshape(1, (int) (results.get(1).total() / 2));
        float[] box = new float[boxes.rows() * 4];
        float[] score = new float[scores.rows() * 2];
        boxes.get(0, 0, box);
        scores.get(0, 0, score);
        results.forEach(Mat::release);

        int width = bgr.cols();
        int height = bgr.rows();
        List<Rect2d> candidates = new ArrayList<>();
        List<Float> confidences = new ArrayList<>();
        for (int i = 0; i < score.length / 2; i++) {
            float face = score[i * 2 + 1];
            if (face < threshold) {
                continue;
            }
            double x1 = clamp(box[i * 4] * width, width);
            double y1 = clamp(box[i * 4 + 1] * height, height);
            double x2 = clamp(box[i * 4 + 2] * width, width);
            double y2 = clamp(box[i * 4 + 3] * height, height);
            if (x2 - x1 >= 2 && y2 - y1 >= 2) {
                candidates.add(new Rect2d(x1, y1, x2 - x1, y2 - y1));
                confidences.add(face);
            }
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        MatOfRect2d rects = new MatOfRect2d();
        rects.fromList(candidates);
        MatOfFloat confidence = new MatOfFloat();
        float[] values = new float[confidences.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = confidences.get(i);
        }
        confidence.fromArray(values);
        MatOfInt kept = new MatOfInt();
        Dnn.NMSBoxes(rects, confidence, threshold, NMS_IOU, kept);
        List<FaceBox> faces = new ArrayList<>();
        for (int index : kept.toArray()) {
            Rect2d r = candidates.get(index);
            faces.add(new FaceBox((int) Math.round(r.x), (int) Math.round(r.y), (int) Math.round(r.width),
                    (int) Math.round(r.height), values[index]));
        }
        rects.release();
        confidence.release();
        kept.release();
        faces.sort((a, b) -> Float.compare(b.score(), a.score()));
        return withoutNested(faces);
    }

    /**
     * Drops a box lying mostly (60 %) inside a larger face: a part of that face (an eye and a nose
     * scored on their own), not another person. NMS keeps it because their overlap is small relative
     * to the larger box.
     */
    static List<FaceBox> withoutNested(List<FaceBox> faces) {
        List<FaceBox> kept = new ArrayList<>(faces.size());
        for (FaceBox face : faces) {
            boolean nested = false;
            for (FaceBox other : faces) {
                if (other != face && (long) other.width() * other.height() > (long) face.width() * face.height()
                        && intersection(face, other) > 0.6 * face.width() * face.height()) {
                    nested = true;
                    break;
                }
            }
            if (!nested) {
                kept.add(face);
            }
        }
        return kept;
    }

    private static long intersection(FaceBox a, FaceBox b) {
        long w = Math.min(a.x() + a.width(), b.x() + b.width()) - Math.max(a.x(), b.x());
        long h = Math.min(a.y() + a.height(), b.y() + b.height()) - Math.max(a.y(), b.y());
        return w <= 0 || h <= 0 ? 0 : w * h;
    }

    private static double clamp(double value, int max) {
        return Math.max(0, Math.min(max - 1, value));
    }
}
