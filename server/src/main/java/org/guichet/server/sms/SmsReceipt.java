package org.guichet.server.sms;

/**
 * A message the provider accepted (which is not yet a message delivered to the phone).
 *
 * @param messageId the provider's id for it, to look it up in the provider's logs; null when the answer had none
 * @param attempts  how many requests it took, 1 when the first was accepted
 */
public record SmsReceipt(String messageId, int attempts) {

    SmsReceipt afterAttempts(int count) {
        return new SmsReceipt(messageId, count);
    }
}
