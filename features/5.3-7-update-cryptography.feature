@provision=5.3-7
Feature: 5.3-7 Best-practice cryptography is used to facilitate secure update mechanisms
  The device uses best-practice cryptography to facilitate secure update mechanisms (EN 303 645
  5.3-7): its update client offers only the protocol versions and cipher suites of the best-practice
  profile 5.5-1 uses, refuses a server that speaks a weaker configuration, and its images are signed
  with a scheme and key size that profile's key lengths allow.

  @testcase=5.3-7-2
  Scenario: 5.3-7-2 The update client offers best-practice TLS only and refuses a server that speaks legacy TLS
    Given the DUT is running with its network up
    When the DUT is asked to check for updates at an update server that speaks only legacy TLS
    And the DUT is asked to check for updates at the update server with nothing on offer
    Then the DUT fetched nothing over legacy TLS
    And its update client offered only protocol versions and cipher suites of the best-practice profile

  @testcase=5.3-7-2b
  Scenario: 5.3-7-2b Updates are signed with a best-practice scheme and key size
    When the update-signing key the DUT trusts is read, with the signature of an image
    Then the signature scheme and key size are best practice
