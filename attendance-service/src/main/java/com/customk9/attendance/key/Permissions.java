package com.customk9.attendance.key;

import java.util.List;

/** Every permission a key can hold; {@code *} holds them all. */
public final class Permissions {

    public static final String ALL = "*";
    public static final String PERSON_READ = "person:read";
    public static final String PERSON_WRITE = "person:write";
    public static final String ATTENDANCE_READ = "attendance:read";
    public static final String ATTENDANCE_WRITE = "attendance:write";
    public static final String REPORT_READ = "report:read";
    public static final String KEYS_READ = "keys:read";
    public static final String KEYS_WRITE = "keys:write";
    public static final String CONFIG_READ = "config:read";
    public static final String CONFIG_WRITE = "config:write";
    public static final String LOGS_READ = "logs:read";
    public static final String STATUS_READ = "status:read";
    public static final String FACE_WRITE = "face:write";
    public static final String RECOGNIZE = "recognize";

    public static final List<String> KNOWN = List.of(ALL, PERSON_READ, PERSON_WRITE, ATTENDANCE_READ, ATTENDANCE_WRITE,
            REPORT_READ, KEYS_READ, KEYS_WRITE, CONFIG_READ, CONFIG_WRITE, LOGS_READ, STATUS_READ, FACE_WRITE, RECOGNIZE);

    private Permissions() {
    }
}
