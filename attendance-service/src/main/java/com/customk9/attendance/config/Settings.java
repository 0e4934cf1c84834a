package com.customk9.attendance.config;

import java.time.LocalTime;

/** The runtime settings of {@code /api/v1/config}, typed. */
public record Settings(int duplicateWindowMinutes, boolean autoMarkEnabled, LocalTime workingHoursStart,
        LocalTime workingHoursEnd, double recognitionThreshold) {
}
