package com.customk9.attendance.face;

/**
 * An upload that cannot be used as a face photo or camera frame, with the reason a client can act on.
 * The reasons map to HTTP statuses at the API: not an image 415, too many pixels 413, the rest 422.
 */
public class ImageRejectedException extends RuntimeException {

    public enum Reason {
        /** The bytes are no JPEG, PNG, BMP or WebP image (checked from the content, not the name). */
        NOT_AN_IMAGE(415, "not_an_image"),
        /** The header declares more pixels than the budget (a decompression bomb, or just too big). */
        TOO_MANY_PIXELS(413, "image_too_large"),
        /** Cut off before its end, or the decoder could not read it. */
        CORRUPT(422, "corrupt_image"),
        /** Smaller than the smallest image or face the pipeline works with. */
        TOO_SMALL(422, "image_too_small"),
        NO_FACE(422, "no_face"),
        SEVERAL_FACES(422, "several_faces");

        private final int status;
        private final String code;

        Reason(int status, String code) {
            this.status = status;
            this.code = code;
        }

        public int status() {
            return status;
        }

        public String code() {
            return code;
        }
    }

    private final Reason reason;

    public ImageRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
