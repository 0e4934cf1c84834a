package com.customk9.attendance.face;

import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.objdetect.FaceRecognizerSF;

/**
 * OpenCV's SFace recogniser ({@code face_recognition_sface_2021dec.onnx}, 128-d) through
 * {@link FaceRecognizerSF}: OpenCV aligns the face from the box and five landmarks (its own crop onto the
 * same 112x112 five-point reference) and runs the network; the vector is returned L2-normalised. OpenCV
 * suggests a cosine threshold of 0.363 for SFace: set {@code customk9.attendance.face.recognition-threshold}
 * after measuring on your own photos (bench/attendance). Any model OpenCV's {@code readNet} takes with a
 * 112x112 BGR input works. Not thread-safe: one per thread.
 */
public final class SFaceEmbedder implements FaceEmbedder {

    private final FaceRecognizerSF recognizer;
    private final int dimensions;

    public SFaceEmbedder(String modelPath) {
        this.recognizer = FaceRecognizerSF.create(modelPath, "");
        Mat blank = FaceEmbedder.blankFace();
        this.dimensions = embed(blank).length;
        blank.release();
    }

    @Override
    public Mat align(Mat bgr, FaceBox box, Point[] fivePoints) {
        // The row YuNet answers: box, five points (x, y), score.
        float[] row = new float[15];
        row[0] = box.x();
        row[1] = box.y();
        row[2] = box.width();
        row[3] = box.height();
        for (int i = 0; i < 5; i++) {
            row[4 + i * 2] = (float) fivePoints[i].x;
            row[5 + i * 2] = (float) fivePoints[i].y;
        }
        row[14] = box.score();
        Mat face = new Mat(1, 15, CvType.CV_32F);
        face.put(0, 0, row);
        Mat aligned = new Mat();
        try {
            recognizer.alignCrop(bgr, face, aligned);
        } catch (org.opencv.core.CvException degenerate) {
            aligned.release();
            return null;
        } finally {
            face.release();
        }
        return aligned.empty() ? null : aligned;
    }

    @Override
    public float[] embed(Mat aligned) {
        Mat feature = new Mat();
        recognizer.feature(aligned, feature);
        float[] vector = new float[(int) feature.total()];
        feature.reshape(1, 1).get(0, 0, vector);
        feature.release();
        return Embeddings.normalised(vector);
    }

    @Override
    public int dimensions() {
        return dimensions;
    }
}
