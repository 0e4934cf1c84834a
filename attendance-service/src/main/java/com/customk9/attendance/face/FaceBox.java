package com.customk9.attendance.face;

import org.opencv.core.Rect;

/** A detected face in image pixels, with the detector's confidence (0..1). */
public record FaceBox(int x, int y, int width, int height, float score) {

    Rect rect() {
        return new Rect(x, y, width, height);
    }

    int shortSide() {
        return Math.min(width, height);
    }
}
