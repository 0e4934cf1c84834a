-- Face templates remember the recogniser that made them (the SHA-256 of its model file): embeddings of
-- different models are not comparable, and their lengths differ (ArcFace-style 512 values, SFace 128).
alter table face_template add column embedding_model text;
-- Every template so far was made by the only recogniser there was: fr_feature.onnx of npm
-- faceplugin-face-recognition-js@0.0.1, whose checksum deploy/local/face-assets verifies.
update face_template set embedding_model = '87aacdfe57510db2af90c0251df680e8eec88f122ee94712121d09bcaaaf3581';
alter table face_template alter column embedding_model set not null;
alter table face_template add constraint face_template_embedding_model check (embedding_model ~ '^[0-9a-f]{64}$');
alter table face_template drop constraint face_template_embedding_size;
alter table face_template add constraint face_template_embedding_size
    check (octet_length(embedding) between 32 and 16384 and octet_length(embedding) % 32 = 0);
create index face_template_model on face_template (embedding_model);
