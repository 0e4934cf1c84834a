-- The enrolment photo itself, kept only when customk9.attendance.face.keep-photos is on (off by default).
alter table face_template add column photo bytea;
alter table face_template add column photo_type varchar(32);
