@provision=5.3-10
Feature: 5.3-10 Updates over a network interface are verified through a trust relationship
  Where updates are delivered over a network interface, the device verifies the authenticity and
  integrity of each update via a trust relationship (EN 303 645 5.3-10): a valid image from a
  server it cannot authenticate is not installed.

  @testcase=5.3-10-2
  Scenario: 5.3-10-2 A valid image from a server with an untrusted certificate is not installed
    Given the DUT is running with its network up
    When the update server offers a valid newer image under a TLS certificate from a CA the DUT does not trust
    And the DUT is restarted
    Then the DUT still runs the version it ran before
