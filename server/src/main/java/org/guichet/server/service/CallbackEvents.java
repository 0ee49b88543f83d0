package org.guichet.server.service;

/** Told after a call-back request was made, taken or moved on; the realtime layer implements it. */
public interface CallbackEvents {

    /** Says only that the service's call-backs changed (tablets read them again): never a number or a subject. */
    void callbacksChanged(String siteId, String serviceId);

    CallbackEvents NONE = (siteId, serviceId) -> {
    };
}
