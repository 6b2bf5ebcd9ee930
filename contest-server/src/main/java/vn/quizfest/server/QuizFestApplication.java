package vn.quizfest.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** QuizFest contest server: live games, REST API, player page and organiser console. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class QuizFestApplication {

	public static void main(String[] args) {
		SpringApplication.run(QuizFestApplication.class, args);
	}
}
