@provision=5.5-1
Feature: 5.5-1 Best-practice cryptography to communicate securely
  The consumer IoT device uses best-practice cryptography to communicate securely
  (EN 303 645 5.5-1). Every TLS service the IXIT declares is enumerated, protocol version by
  version and cipher suite by cipher suite, and held with its certificate against a public
  best-practice profile (BSI TR-02102-2, kept as data).

  @testcase=5.5-1-2
  Scenario: 5.5-1-2 Every TLS service of the DUT offers only best-practice protocols, suites and certificates
    Given the DUT is running with its network up
    When every TLS service the IXIT declares is enumerated
    Then each offers only the protocol versions and cipher suites of the best-practice profile
    And each presents a certificate with a key size, signature algorithm and validity the profile accepts

  @testcase=5.5-1-2c
  Scenario: 5.5-1-2c As a TLS client, the DUT accepts only a valid certificate for the host it asked for
    Given the DUT is running with its network up
    When the fake cloud shows the DUT a valid, a self-signed, an expired, a wrong-host and an untrusted certificate in turn
    Then it completes the handshake with the valid chain and sends its data
    And it refuses every other certificate before sending any application data
