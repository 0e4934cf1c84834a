package com.customk9.training.file;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Uploads, under {@code customk9.files}. {@code quarkus.http.limits.max-body-size} must leave room for
 * the largest file plus its multipart framing, or such a file never reaches this check.
 */
@ConfigMapping(prefix = "customk9.files")
public interface FilesConfig {

    /** The largest file a client may upload; a larger one is a 413. */
    @WithDefault("10M")
    MemorySize maxSize();
}
