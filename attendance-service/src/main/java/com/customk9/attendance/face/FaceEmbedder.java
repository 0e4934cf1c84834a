package com.customk9.attendance.face;

import org.opencv.core.Mat;
import org.opencv.core.Point;

/**
 * Turns a face into a unit-length embedding, so that a dot product is the cosine similarity. Two are
 * built in ({@link FaceModels.Recognizer}): the 512-d ArcFace-style network and OpenCV's SFace (128-d).
 * Embeddings of different models are not comparable: templates remember which model made them. Not
 * thread-safe: one per thread.
 */
public interface FaceEmbedder {

    /** The face cut out and aligned as the network expects, or null when the points are degenerate. */
    Mat align(Mat bgr, FaceBox box, Point[] fivePoints);

    /** The unit-length embedding of a face {@link #align} returned. */
    float[] embed(Mat aligned);

    /** The embedding's length (found by running the network once when it is loaded). */
    int dimensions();

    /** A mid-grey 112x112 face, to learn the embedding's length. */
    static Mat blankFace() {
        return new Mat(FaceAligner.SIZE, FaceAligner.SIZE, org.opencv.core.CvType.CV_8UC3, new org.opencv.core.Scalar(128, 128, 128));
    }
}
