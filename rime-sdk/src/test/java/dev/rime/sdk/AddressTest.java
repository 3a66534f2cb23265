// SPDX-License-Identifier: Apache-2.0
package dev.rime.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "my_vpc.rime.com, https://my_vpc.rime.com",
    "rime.example.com, https://rime.example.com",
    "rime.example.com:8443, https://rime.example.com:8443",
    "rime.example.com/, https://rime.example.com",
    "localhost, http://localhost",
    "localhost:8080, http://localhost:8080",
    "LOCALHOST:8080, http://LOCALHOST:8080",
    "127.0.0.1:9000, http://127.0.0.1:9000",
    "[::1]:8080, http://[::1]:8080",
    "[::1], http://[::1]",
    "http://localhost:8080, http://localhost:8080",
    "http://rime.example.com, http://rime.example.com",
    "https://localhost:8443/, https://localhost:8443",
    "https://rime.example.com/rime, https://rime.example.com/rime",
    "HTTP://rime.example.com, http://rime.example.com",
    "'  rime.example.com  ', https://rime.example.com",
  })
  void resolves_addresses(String address, String expected) {
    assertThat(Address.parse(address)).hasToString(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void blank_address_is_refused(String address) {
    assertThatThrownBy(() -> Address.parse(address))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("address must not be blank");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://rime.example.com", "grpc://rime.example.com:443"})
  void other_schemes_are_refused(String address) {
    assertThatThrownBy(() -> Address.parse(address))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("use http or https");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://rime.example.com?x=1", "rime example com", "http://"})
  void malformed_addresses_are_refused(String address) {
    assertThatThrownBy(() -> Address.parse(address))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(address.trim());
  }
}
