package com.goodfit.sync.salesforce;

/**
 * Who a token acts as, from the identity URL or {@code /services/oauth2/userinfo}.
 *
 * @param userId the 18-character user Id
 * @param orgId the 18-character organization Id
 * @param username the Salesforce username
 */
public record OrgIdentity(String userId, String orgId, String username) {

}
