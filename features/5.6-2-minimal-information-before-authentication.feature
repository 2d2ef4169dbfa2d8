@provision=5.6-2
Feature: 5.6-2 Minimal security-relevant information before authentication
  In the initialized state, the network interfaces of the device minimize the unauthenticated
  disclosure of security-relevant information (EN 303 645 5.6-2). What each open port says to
  someone who has not logged in must not reveal software versions, key material, internal paths
  or unit identifiers beyond what the IXIT declares for that service.

  @testcase=5.6-2-2
  Scenario: 5.6-2-2 No service discloses more before authentication than the IXIT declares
    Given the DUT is running with its network up
    When all 65,535 TCP ports and the common UDP services of the DUT are scanned
    And what every open port says before authentication is collected
    Then none of it discloses versions, keys, internal paths or identifiers the IXIT does not declare
