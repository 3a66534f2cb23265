/**
 * What the server does, one service per aggregate: validation, ids, the rules of each operation.
 * Services throw {@link dev.rime.server.service.ApiException} with the contract's error code and
 * the field at fault; HTTP handlers only translate.
 */
package dev.rime.server.service;
