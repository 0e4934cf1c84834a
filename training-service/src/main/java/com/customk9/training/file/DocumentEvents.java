package com.customk9.training.file;

/** The domain events of documents, published on {@code customk9.training.events} with subject {@code document:<id>}. */
public final class DocumentEvents {

    public static final String DOCUMENT_UPLOADED = "com.customk9.training.document.uploaded";
    public static final String DOCUMENT_DELETED = "com.customk9.training.document.deleted";

    private DocumentEvents() {
    }

    static String subject(long documentId) {
        return "document:" + documentId;
    }
}
