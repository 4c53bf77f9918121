package org.vigil.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressRulesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0.0.0.0",
        "0.1.2.3",
        "10.0.0.1",
        "10.255.255.255",
        "100.64.0.1",
        "100.127.255.254",
        "127.0.0.1",
        "127.255.255.254",
        "169.254.169.254",
        "172.16.0.1",
        "172.31.255.255",
        "192.0.0.8",
        "192.0.2.1",
        "192.88.99.1",
        "192.168.1.1",
        "198.18.0.1",
        "198.19.255.255",
        "198.51.100.7",
        "203.0.113.9",
        "224.0.0.1",
        "239.255.255.250",
        "240.0.0.1",
        "255.255.255.255",
        "::",
        "::1",
        "::ffff:127.0.0.1",
        "::ffff:7f00:1",
        "::ffff:10.0.0.1",
        "::127.0.0.1",
        "::ffff:0:169.254.169.254",
        "64:ff9b::127.0.0.1",
        "64:ff9b::10.1.1.1",
        "64:ff9b:1::1",
        "2002:7f00:1::",
        "2002:c0a8:101::1",
        "2001:db8::1",
        "3fff::1",
        "2001::1",
        "100::1",
        "fc00::1",
        "fd12:3456::1",
        "fe80::1",
        "febf::1",
        "fec0::1",
        "ff02::1",
        "ff05::2"
      })
  void forbidsAddressesOffThePublicInternet(String address) throws UnknownHostException {
    assertThat(AddressRules.isForbidden(InetAddress.getByName(address))).as(address).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1.1.1.1",
        "8.8.8.8",
        "93.184.216.34",
        "100.63.255.255",
        "100.128.0.1",
        "172.15.255.255",
        "172.32.0.1",
        "192.169.0.1",
        "198.17.255.255",
        "198.20.0.1",
        "223.255.255.255",
        "2606:4700:4700::1111",
        "2a00:1450:4001:80b::200e",
        "64:ff9b::8.8.8.8",
        "2002:808:808::1",
        "::ffff:8.8.8.8"
      })
  void allowsPublicAddresses(String address) throws UnknownHostException {
    assertThat(AddressRules.isForbidden(InetAddress.getByName(address))).as(address).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "2130706433, 127.0.0.1",
    "0x7f000001, 127.0.0.1",
    "0x7f.1, 127.0.0.1",
    "0177.0.0.1, 127.0.0.1",
    "127.1, 127.0.0.1",
    "127.0.1, 127.0.0.1",
    "10.0.0.1., 10.0.0.1",
    "0, 0.0.0.0",
    "0x0A.0x00.0x00.0x01, 10.0.0.1",
    "8.8.8.8, 8.8.8.8"
  })
  void readsNumericIpv4SpellingsAsBrowsersDo(String host, String dotted) {
    assertThat(AddressRules.parseNumericIpv4(host))
        .hasValueSatisfying(a -> assertThat(a.getHostAddress()).isEqualTo(dotted));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "example.org",
        "cafe.be",
        "1.2.3.4.5",
        "256.0.0.1",
        "4294967296",
        "0x1.2.3.0x100",
        "08.1.1.1",
        "1..2",
        ".1.2.3",
        "::1",
        "127.0.0.1a"
      })
  void leavesNamesAndInvalidNumbersAlone(String host) {
    assertThat(AddressRules.parseNumericIpv4(host)).isEmpty();
  }
}
