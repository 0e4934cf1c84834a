package com.customk9.training.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.customk9.platform.error.ApiException;

class FileTypeTest {

    @Test
    void recognisesTheAllowedTypesByTheirMagicBytes() {
        assertThat(FileType.of(FileResourceTest.PDF)).isEqualTo(FileType.PDF);
        assertThat(FileType.of(FileResourceTest.PNG)).isEqualTo(FileType.PNG);
        assertThat(FileType.of(FileResourceTest.JPEG)).isEqualTo(FileType.JPEG);
        assertThat(FileType.of(FileResourceTest.GIF)).isEqualTo(FileType.GIF);
        assertThat(FileType.of(FileResourceTest.WEBP)).isEqualTo(FileType.WEBP);
        assertThat(FileType.of(FileResourceTest.TEXT)).isEqualTo(FileType.TEXT);
        assertThat(FileType.of("\uFEFFwith a byte order mark\r\n\tand a tab".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(FileType.TEXT);
    }

    @Test
    void refusesExecutablesFirst() {
        assertThat(FileType.isExecutable(FileResourceTest.ELF)).isTrue();
        assertThat(FileType.isExecutable("MZ".getBytes(StandardCharsets.US_ASCII))).isTrue();
        assertThat(FileType.isExecutable(new byte[] { (byte) 0xFE, (byte) 0xED, (byte) 0xFA, (byte) 0xCF })).isTrue();
        assertThat(FileType.isExecutable(new byte[] { (byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE })).isTrue();
        assertThat(FileType.isExecutable("\uFEFF#!/usr/bin/env python\n".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThatThrownBy(() -> FileType.of("#!/bin/sh\necho hi\n".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(415));
    }

    @Test
    void refusesWhatIsNotCleanText() {
        assertThat(FileType.detect("a\u0000b".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(FileType.detect(new byte[] { 'a', (byte) 0xC3 })).isEmpty();
        assertThat(FileType.detect("bell\u0007".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(FileType.detect("c1\u0085".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(FileType.detect(new byte[] { 'P', 'K', 3, 4 })).isEmpty();
        assertThat(FileType.detect("RIFF\0\0\0\0WAVE".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(FileType.detect(new byte[] { (byte) 0xFF, (byte) 0xD8 })).isEmpty();
    }
}
