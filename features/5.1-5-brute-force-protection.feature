@provision=5.1-5
Feature: 5.1-5 Brute-force attacks over network interfaces are impracticable
  The device has a mechanism that makes brute-force attacks on authentication over network
  interfaces impracticable (EN 303 645 5.1-5).

  @testcase=5.1-5-2
  Scenario: 5.1-5-2 Repeated wrong passwords are locked out or slowed down on every network login surface
    Given the DUT is running with its network up
    When wrong passwords are guessed in quick succession on every network login surface
    Then every network login surface locks out or slows down the guessing
    And no surface locks out later than the IXIT declares
