package com.customk9.attendance.face;

import org.opencv.core.Point;
import org.opencv.core.Rect;

/**
 * A detected face in image pixels, with the detector's confidence (0..1) and, when the detector finds them
 * (YuNet), its five landmarks: eye on the image's left, the other eye, nose tip, mouth corner on the left,
 * the other mouth corner; null otherwise (the {@link FaceAligner} finds them).
 */
public record FaceBox(int x, int y, int width, int height, float score, Point[] landmarks) {

    public FaceBox(int x, int y, int width, int height, float score) {
        this(x, y, width, height, score, null);
    }

    Rect rect() {
        return new Rect(x, y, width, height);
    }

    int shortSide() {
        return Math.min(width, height);
    }
}
