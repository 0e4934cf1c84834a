package com.customk9.platform.request;

/**
 * The body of the 413 that {@link BodySizeLimitFilter} answers, for a service whose API has its own
 * error shape (the attendance API's seed-004 envelope); without such a bean the filter answers in the
 * platform's error envelope.
 */
public interface TooLargeBody {

    /** JSON text for a body larger than {@code limit} bytes. */
    String json(long limit);
}
