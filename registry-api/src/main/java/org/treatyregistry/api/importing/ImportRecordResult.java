package org.treatyregistry.api.importing;

/**
 * What became of one record of an import file.
 *
 * @param result RECORDED, ALREADY_RECORDED or REJECTED
 */
public record ImportRecordResult(int index, String id, String fact, String result, String streamId, String errorCode,
                                 String field, String message) {
}
